import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'max-memory-below-memory',
  libvirtSays: 'maximum memory size must be equal or greater than the actual memory size',
  valid: [
    {
      name: 'room to hot-plug',
      xml: domainXml({
        memory: "  <maxMemory slots='16' unit='GiB'>16</maxMemory>\n  <memory unit='GiB'>4</memory>",
        cpu: "  <cpu>\n    <numa>\n      <cell id='0' cpus='0' memory='4' unit='GiB'/>\n    </numa>\n  </cpu>",
      }),
    },
  ],
  invalid: [
    {
      name: 'maxMemory of 128 MiB',
      xml: domainXml({
        memory: "  <maxMemory slots='16' unit='MiB'>«128»</maxMemory>\n  <memory unit='MiB'>512</memory>",
        cpu: "  <cpu>\n    <numa>\n      <cell id='0' cpus='0' memory='512' unit='MiB'/>\n    </numa>\n  </cpu>",
      }),
      messages: ['maxMemory (128 MiB) is below memory (512 MiB)'],
    },
  ],
});
