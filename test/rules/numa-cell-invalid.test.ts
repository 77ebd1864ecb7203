import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const numa = (cells: string, vcpus = 4) =>
  domainXml({
    memory: "  <memory unit='MiB'>1024</memory>",
    extra: `  <vcpu>${vcpus}</vcpu>`,
    cpu: `  <cpu>\n    <numa>\n${cells}\n    </numa>\n  </cpu>`,
  });
const cell = (attributes: string) => `      <cell ${attributes} memory='512' unit='MiB'/>`;

testRule({
  rule: 'numa-cell-invalid',
  valid: [
    { name: 'two cells 0 and 1', xml: numa(`${cell("id='0' cpus='0-1'")}\n${cell("id='1' cpus='2-3'")}`) },
    { name: 'cells without id (in order)', xml: numa(`${cell("cpus='0-1'")}\n${cell("cpus='2-3'")}`) },
  ],
  invalid: [
    {
      name: 'a memnode without guest NUMA cells',
      xml: domainXml({ extra: "  <vcpu>2</vcpu>\n  <numatune>\n    <«memnode» cellid='0' mode='strict' nodeset='0'/>\n  </numatune>" }),
      libvirtSays: "Element 'memnode' is invalid without any guest NUMA cells",
      noFix: 'the guest NUMA cells are for the user to define',
    },
    {
      name: 'a memnode with automatic placement',
      xml: numa(cell("id='0' cpus='0-3'")).replace(
        '<devices>',
        "<numatune>\n    <memory mode='strict' placement='auto'/>\n    <«memnode» cellid='0' mode='strict' nodeset='0'/>\n  </numatune>\n  <devices>",
      ),
      libvirtSays: 'Per-node binding is not compatible with automatic NUMA placement.',
      noFix: 'placement or binding is for the user to choose',
    },
    {
      name: 'ids 0 and 2',
      xml: numa(`${cell("id='0' cpus='0-1'")}\n${cell("id='«2»' cpus='2-3'")}`),
      libvirtSays: 'non-contiguous ranges or ranges not starting from 0 are not allowed',
      noFix: 'which id was meant is for the user to say',
    },
    {
      name: 'one id twice',
      xml: numa(`${cell("id='0' cpus='0-1'")}\n${cell("id='«0»' cpus='2-3'")}`),
      libvirtSays: "Duplicate NUMA cell info for cell id '0'",
      noFix: 'which id was meant is for the user to say',
    },
    {
      name: 'overlapping vCPUs',
      xml: numa(`${cell("id='0' cpus='0-2'")}\n${cell("id='1' cpus='«2-3»'")}`),
      libvirtSays: 'NUMA cells 1 and 0 have overlapping vCPU ids',
      noFix: 'which cell a vCPU belongs to is for the user to say',
    },
    {
      name: 'a vCPU beyond <vcpu>',
      xml: numa(`${cell("id='0' cpus='0-1'")}\n${cell("id='1' cpus='2-5'")}`).replace('  <vcpu>4</vcpu>', '  <«vcpu»>4</vcpu>'),
      libvirtSays: 'exceed',
      noFix: 'the vCPU count is for the user to say',
    },
  ],
});
