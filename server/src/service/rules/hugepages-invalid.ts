import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { parseBitmap } from '../model/bitmap';
import { parseSize } from '../model/sizeUnits';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('hugepages-invalid', {
  sharedCell: 'This page and an earlier one both back guest NUMA cell {cells}',
  sharedCells: 'This page and an earlier one both back guest NUMA cells {cells}',
  secondDefaultPage: 'A second <page> without nodeset (only one page size can back the cells no nodeset names)',
  cellWithoutNuma:
    "nodeset='{nodeset}' names guest NUMA cell {cell}, but the guest has no <cpu><numa> cells (leave nodeset out to back all its memory)",
  missingCellOfOne:
    "nodeset='{nodeset}' names guest NUMA cell {cell}, but the guest has cell 0 (nodeset names guest cells, not host nodes)",
  missingCell:
    "nodeset='{nodeset}' names guest NUMA cell {cell}, but the guest has cells 0-{last} (nodeset names guest cells, not host nodes)",
});

export const hugepagesInvalid: Rule = {
  id: 'hugepages-invalid',
  severity: 'error',
  title: '<hugepages><page nodeset> naming guest NUMA cells that do not exist, overlapping, or two pages for every cell',
  explanation:
    "<page size='1' unit='G' nodeset='0'/> backs guest NUMA cells (the <cpu><numa> cells, not the host's nodes) with " +
    'pages of that size. libvirt refuses a nodeset naming a cell the guest lacks ("hugepages: node 1 not found"; ' +
    "with no guest cells, any nodeset but '0', which stands for the whole guest), two pages whose nodesets share a cell, and two pages without nodeset (each " +
    'would be the default): "two master hugepages detected: 2048 and 1048576".',
  docs: DOCS.memoryBacking,
  check({ model, report }) {
    const pages = childrenNamed(firstChild(firstChild(model.root, 'memoryBacking'), 'hugepages'), 'page');
    if (pages.length === 0) return;
    const cells = childrenNamed(firstChild(model.cpu.element, 'numa'), 'cell').length;
    const problems: Problem[] = [];
    const read: { sizeKiB: number; nodes: number[] | undefined }[] = [];
    for (const page of pages) {
      const size = parseSize(attributeValue(page, 'size') ?? '', attributeValue(page, 'unit'));
      const nodesetAttribute = attribute(page, 'nodeset');
      const parsed = nodesetAttribute ? parseBitmap(nodesetAttribute.value) : undefined;
      // libvirt stops at a size or nodeset it cannot read (memory-value-invalid, cpuset-invalid say so).
      if (!('bytes' in size) || size.bytes === 0 || (nodesetAttribute && !parsed?.length)) return;
      // Without guest NUMA cells, nodeset='0' is taken for the whole guest: as if there were no nodeset.
      const nodes = cells === 0 && parsed?.length === 1 && parsed[0] === 0 ? undefined : parsed;
      const sizeKiB = Math.ceil(size.bytes / 1024);
      for (const earlier of read) {
        if (nodes && earlier.nodes?.some((node) => nodes.includes(node))) {
          const shared = earlier.nodes.filter((node) => nodes.includes(node));
          problems.push({
            ...valueSpan(nodesetAttribute!),
            message: refused(
              (shared.length > 1 ? M.sharedCells : M.sharedCell)({ cells: shared.join(',') }),
              `nodeset attribute of hugepages of sizes ${sizeKiB} and ${earlier.sizeKiB} intersect`,
            ),
          });
          break;
        }
        if (!nodes && !earlier.nodes) {
          problems.push({
            ...nameSpan(page),
            message: refused(M.secondDefaultPage(), `two master hugepages detected: ${sizeKiB} and ${earlier.sizeKiB}`),
          });
          break;
        }
      }
      read.push({ sizeKiB, nodes });
      const missing = nodes?.find((node) => node >= cells);
      if (missing !== undefined)
        problems.push({
          ...valueSpan(nodesetAttribute!),
          message: refused(
            cells === 0
              ? M.cellWithoutNuma({ nodeset: nodesetAttribute!.value, cell: missing })
              : cells === 1
                ? M.missingCellOfOne({ nodeset: nodesetAttribute!.value, cell: missing })
                : M.missingCell({ nodeset: nodesetAttribute!.value, cell: missing, last: cells - 1 }),
            `hugepages: node ${missing} not found`,
          ),
        });
      if (problems.length > 0) break;
    }
    for (const problem of problems) report(problem);
  },
};
