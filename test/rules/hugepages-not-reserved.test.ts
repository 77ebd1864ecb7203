import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const refusedAtStart = {
  skip: 'libvirt accepts the definition and refuses to start it ("Cannot allocate memory") on the recorded host',
} as const;
const backing = (inside = '') => `  <memoryBacking>\n    <«hugepages»${inside ? `>${inside}</hugepages>` : '/>'}\n  </memoryBacking>`;
const unmarked = (text: string) => text.replace('«', '').replace('»', '');

testRule({
  rule: 'hugepages-not-reserved',
  valid: [
    {
      name: '8 GiB of 2 MiB pages with 4096 free',
      xml: domainXml({ memory: "  <memory unit='GiB'>8</memory>", extra: unmarked(backing()) }),
      host: GPU_DESKTOP,
    },
    {
      name: 'no host facts: nothing is claimed',
      xml: domainXml({ memory: "  <memory unit='GiB'>64</memory>", extra: unmarked(backing()) }),
    },
  ],
  invalid: [
    {
      name: '16 GiB of 2 MiB pages with 4096 free',
      xml: domainXml({ memory: "  <memory unit='GiB'>16</memory>", extra: backing() }),
      host: GPU_DESKTOP,
      messages: [
        /The guest needs 8192 free 2 MiB pages for 16 GiB; .* has 4096: .*virsh allocpages --pagesize 2048 --pagecount 8192, or vm\.nr_hugepages = 8192/,
      ],
      libvirt: refusedAtStart,
      noFix: 'the pages are reserved on the host',
    },
    {
      name: '1 GiB pages none of which are reserved',
      xml: domainXml({ memory: "  <memory unit='GiB'>8</memory>", extra: backing("<page size='1' unit='GiB'/>") }),
      host: GPU_DESKTOP,
      messages: [/needs 8 free 1 GiB pages.*hugepagesz=1G hugepages=8 on the kernel command line/],
      libvirt: refusedAtStart,
      noFix: 'the pages are reserved on the host',
    },
  ],
});
