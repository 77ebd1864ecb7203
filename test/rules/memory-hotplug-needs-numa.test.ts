import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'memory-hotplug-needs-numa',
  libvirtSays: 'At least one numa node has to be configured when enabling memory hotplug',
  valid: [
    {
      name: 'maxMemory with one NUMA cell',
      xml: domainXml({
        memory: "  <maxMemory slots='16' unit='GiB'>16</maxMemory>\n  <memory unit='GiB'>2</memory>",
        cpu: "  <cpu>\n    <numa>\n      <cell id='0' cpus='0' memory='2' unit='GiB'/>\n    </numa>\n  </cpu>",
      }),
    },
    { name: 'no maxMemory', xml: domainXml({}) },
    {
      name: 'a ppc64 pSeries guest needs no NUMA',
      xml: domainXml({
        arch: 'ppc64',
        machine: 'pseries',
        memory: "  <maxMemory slots='16' unit='GiB'>16</maxMemory>\n  <memory unit='GiB'>2</memory>",
      }),
      libvirt: { skip: 'qemu-system-ppc64 is not installed here' },
    },
  ],
  invalid: [
    {
      name: 'maxMemory alone',
      xml: domainXml({ memory: "  <«maxMemory» slots='16' unit='GiB'>16</maxMemory>\n  <memory unit='GiB'>2</memory>" }),
      messages: ['<maxMemory> needs a NUMA cell'],
    },
  ],
});
