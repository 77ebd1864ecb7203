import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const vcpu = (cpuset: string) => domainXml({ extra: `  <vcpu cpuset='${cpuset}'>2</vcpu>` });
const cputune = (pins: string) => domainXml({ extra: `  <vcpu>2</vcpu>\n  <cputune>\n${pins}\n  </cputune>` });
const numa = "  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='512' unit='MiB'/>\n    </numa>\n  </cpu>";

testRule({
  rule: 'cpuset-invalid',
  valid: [
    { name: 'a range, a number and an exclusion', xml: vcpu('0-3,^2,8') },
    { name: 'blanks around numbers and a trailing comma', xml: vcpu(' 0 - 1 , 3,') },
    { name: 'an exclusion undone by a later range', xml: vcpu('^1,0-1') },
    { name: 'the highest CPU libvirt numbers', xml: vcpu('16383') },
    {
      name: 'pins and schedulers',
      xml: cputune(
        "    <vcpupin vcpu='0' cpuset='0-1'/>\n    <emulatorpin cpuset='1'/>\n    <vcpusched vcpus='0-1' scheduler='fifo' priority='1'/>",
      ),
    },
    {
      name: 'an empty set in a pin libvirt ignores (its vCPU does not exist)',
      xml: cputune("    <vcpupin vcpu='7' cpuset='0,^0'/>"),
      libvirt: 'accepts',
    },
    {
      name: 'an empty vCPU set of a NUMA cell',
      xml: domainXml({ extra: '  <vcpu>2</vcpu>', cpu: numa.replace("cpus='0-1'", "cpus='0,^0'") }),
    },
    {
      name: 'a cpuset libvirt does not read with placement auto',
      xml: domainXml({ extra: "  <vcpu placement='auto' cpuset='0,^0'>2</vcpu>" }),
    },
  ],
  invalid: [
    {
      name: "a range without its end ('0-')",
      xml: vcpu('«0-»'),
      libvirtSays: "Failed to parse bitmap '0-'",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: "a range that runs backwards ('3-1')",
      xml: vcpu('«3-1»'),
      libvirtSays: "Failed to parse bitmap '3-1'",
      fixed: [{ title: "Change to '1-3'", output: vcpu('1-3') }],
    },
    { name: "a bare '^'", xml: vcpu('«^»'), libvirtSays: "Failed to parse bitmap '^'", noFix: 'what was meant is for the user to say' },
    {
      name: 'an excluded range',
      xml: vcpu('«0-3,^1-2»'),
      libvirtSays: "Failed to parse bitmap '0-3,^1-2'",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'a CPU above 16383',
      xml: vcpu('«16384»'),
      libvirtSays: "Failed to parse bitmap '16384'",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'two commas',
      xml: vcpu('«0,,1»'),
      libvirtSays: "Failed to parse bitmap '0,,1'",
      fixed: [{ title: "Change to '0,1'", output: vcpu('0,1') }],
    },
    {
      name: 'a set that ends up empty',
      xml: vcpu('«0,^0»'),
      libvirtSays: "Invalid value of 'cpuset': 0,^0",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'a vcpupin cpuset that is a word',
      xml: cputune("    <vcpupin vcpu='0' cpuset='«all»'/>"),
      libvirtSays: "Failed to parse bitmap 'all'",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'an empty emulatorpin cpuset',
      xml: cputune("    <emulatorpin «cpuset»=''/>"),
      libvirtSays: "Failed to parse bitmap ''",
      noFix: 'the CPUs are for the user to choose',
    },
    {
      name: 'a vcpusched set that ends up empty',
      xml: cputune("    <vcpusched vcpus='«1,^1»' scheduler='batch'/>"),
      libvirtSays: "'vcpus' scheduler bitmap '1,^1' is empty",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'a cachetune vCPU range without its end',
      xml: cputune("    <cachetune vcpus='«0-»'>\n      <cache id='0' level='3' type='both' size='1' unit='MiB'/>\n    </cachetune>"),
      libvirtSays: "Invalid cachetune attribute 'vcpus' value '0-'",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'a numatune nodeset running backwards',
      xml: domainXml({ extra: "  <vcpu>2</vcpu>\n  <numatune>\n    <memory mode='strict' nodeset='«1-0»'/>\n  </numatune>" }),
      libvirtSays: "Failed to parse bitmap '1-0'",
      fixed: [
        {
          title: "Change to '0-1'",
          output: domainXml({ extra: "  <vcpu>2</vcpu>\n  <numatune>\n    <memory mode='strict' nodeset='0-1'/>\n  </numatune>" }),
        },
      ],
    },
    {
      name: 'a NUMA cell vCPU list without the end of its range',
      xml: domainXml({ extra: '  <vcpu>2</vcpu>', cpu: numa.replace("cpus='0-1'", "cpus='«0-»'") }),
      libvirtSays: "Failed to parse bitmap '0-'",
      noFix: 'what was meant is for the user to say',
    },
    {
      name: 'a hugepage nodeset that ends up empty',
      xml: domainXml({
        extra:
          "  <vcpu>2</vcpu>\n  <memoryBacking>\n    <hugepages>\n      <page size='2' unit='M' nodeset='«0,^0»'/>\n    </hugepages>\n  </memoryBacking>",
        cpu: numa,
      }),
      libvirtSays: "Invalid value of 'nodeset': 0,^0",
      noFix: 'what was meant is for the user to say',
    },
  ],
});
