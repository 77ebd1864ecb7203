import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const cells = (n: number) =>
  `  <cpu>\n    <numa>\n${Array.from({ length: n }, (_, i) => `      <cell id='${i}' cpus='${i}' memory='256' unit='MiB'/>`).join('\n')}\n    </numa>\n  </cpu>`;
const pages = (list: string, n = 2) =>
  domainXml({
    extra: `  <vcpu>2</vcpu>\n  <memoryBacking>\n    <hugepages>\n${list}\n    </hugepages>\n  </memoryBacking>`,
    cpu: n ? cells(n) : undefined,
  });

testRule({
  rule: 'hugepages-invalid',
  valid: [
    { name: 'one page size for all memory', xml: pages("      <page size='2' unit='M'/>", 0) },
    {
      name: 'a size per guest cell and a default',
      xml: pages("      <page size='1' unit='G' nodeset='1'/>\n      <page size='2' unit='M'/>"),
    },
    { name: "nodeset='0' without guest NUMA cells (the whole guest)", xml: pages("      <page size='2' unit='M' nodeset='0'/>", 0) },
    { name: 'both cells named', xml: pages("      <page size='2048' nodeset='0-1'/>") },
  ],
  invalid: [
    {
      name: "nodeset='0' without guest NUMA cells beside a page without nodeset (both for the whole guest)",
      xml: pages("      <page size='2' unit='M' nodeset='0'/>\n      <«page» size='1' unit='G'/>", 0),
      libvirtSays: 'two master hugepages detected: 1048576 and 2048',
      noFix: 'which size is the default is for the user to say',
    },
    {
      name: 'a nodeset naming a guest cell that does not exist',
      xml: pages("      <page size='2' unit='M' nodeset='«0-2»'/>"),
      libvirtSays: 'hugepages: node 2 not found',
      noFix: 'the host node may have been meant: that is numatune',
    },
    {
      name: 'a nodeset without any guest NUMA cells',
      xml: pages("      <page size='2' unit='M' nodeset='«0-1»'/>", 0),
      libvirtSays: 'hugepages: node 0 not found',
      noFix: 'leaving nodeset out or adding NUMA cells are both choices',
    },
    {
      name: 'two pages backing one cell',
      xml: pages("      <page size='1' unit='G' nodeset='0-1'/>\n      <page size='2' unit='M' nodeset='«1»'/>"),
      libvirtSays: 'nodeset attribute of hugepages of sizes 2048 and 1048576 intersect',
      noFix: 'which size the cell should have is for the user to say',
    },
    {
      name: 'two pages without nodeset',
      xml: pages("      <page size='1' unit='G'/>\n      <«page» size='2' unit='M'/>"),
      libvirtSays: 'two master hugepages detected: 2048 and 1048576',
      noFix: 'which size is the default is for the user to say',
    },
  ],
});
