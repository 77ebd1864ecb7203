import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const memory = (memory: string, current: string) =>
  `  <memory unit='KiB'>${memory}</memory>\n  <currentMemory unit='KiB'>${current}</currentMemory>`;

testRule({
  rule: 'memory-balloon',
  valid: [
    { name: "memory equals currentMemory (the seed's advice)", xml: domainXml({ memory: memory('8388608', '8388608') }) },
    { name: 'no currentMemory', xml: domainXml({ memory: "  <memory unit='GiB'>8</memory>" }) },
    {
      name: "the balloon disabled with <memballoon model='none'/>: the guest gets all of memory",
      xml: domainXml({ memory: memory('8388608', '1048576'), devices: "    <memballoon model='none'/>" }),
    },
    {
      name: 'equal sizes in different units',
      xml: domainXml({ memory: "  <memory unit='GiB'>8</memory>\n  <currentMemory unit='MiB'>8192</currentMemory>" }),
    },
  ],
  invalid: [
    {
      name: "the seed's 8 GiB / 1 GiB Windows guest",
      xml: domainXml({ memory: memory('8388608', '«1048576»') }),
      messages: [/The guest starts with 1 GiB and may grow to 8 GiB.*Windows guests show the ballooned-away memory as used/],
    },
    {
      name: 'different units',
      xml: domainXml({ memory: "  <memory unit='G'>8</memory>\n  <currentMemory unit='MB'>«4000»</currentMemory>" }),
      messages: ['starts with 3.73 GiB and may grow to 8 GiB'],
    },
  ],
});
