import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { parseBitmap } from '../model/bitmap';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('numa-cell-invalid', {
  memnodeWithAutoPlacement: "<memnode> with <memory placement='auto'>",
  memnodeWithoutCells: '<memnode> in a guest without <cpu><numa> cells',
  cellIdBeyondOne: 'Cell id {id} with {count} cell',
  cellIdBeyond: 'Cell id {id} with {count} cells',
  secondCell: 'A second cell {id}',
  cellsShareVcpus: 'Cells {id} and {other} share vCPUs',
  tooManyVcpus: 'The NUMA cells have {total} vCPUs, <vcpu> {vcpus}',
  vcpuBeyondCount: 'The NUMA cells name vCPU {id}, <vcpu> is {vcpus}',
  memnodeForMissingCell: 'memnode for cell {id}, which does not exist',
  secondMemnode: 'A second memnode for cell {id}',
});

export const numaCellInvalid: Rule = {
  id: 'numa-cell-invalid',
  severity: 'error',
  title: 'NUMA cells libvirt cannot number or place: ids not 0…N-1, a cell twice, shared vCPUs, more vCPUs than <vcpu>',
  explanation:
    '<cpu><numa> cells are numbered 0 to N-1 (in order when id= is left out), each once, with vCPU sets that do ' +
    'not overlap and stay within <vcpu>; <numatune><memnode cellid=…> names one of those cells, once. libvirt refuses ' +
    'anything else at define, each with its message ("Duplicate NUMA cell info for cell id \'1\'", "NUMA cells 1 and ' +
    '0 have overlapping vCPU ids", "CPU IDs in <numa> exceed the <vcpu> count"…).',
  docs: DOCS.numaTuning,
  check({ model, report }) {
    const cells = childrenNamed(firstChild(model.cpu.element, 'numa'), 'cell');
    const memnodes = childrenNamed(firstChild(model.root, 'numatune'), 'memnode');
    const memory = firstChild(firstChild(model.root, 'numatune'), 'memory');
    if (memnodes.length > 0 && attributeValue(memory, 'placement') === 'auto') {
      report({
        ...nameSpan(memnodes[0]!),
        message: refused(M.memnodeWithAutoPlacement(), 'Per-node binding is not compatible with automatic NUMA placement.'),
      });
      return;
    }
    if (cells.length === 0) {
      if (memnodes.length > 0 && !firstChild(model.cpu.element, 'numa'))
        report({
          ...nameSpan(memnodes[0]!),
          message: refused(M.memnodeWithoutCells(), "Element 'memnode' is invalid without any guest NUMA cells"),
        });
      return;
    }
    const problems: Problem[] = [];
    const seen = new Map<number, number[] | undefined>();
    let total = 0;
    let maxId = -1;
    cells.forEach((cell, i) => {
      const idAttribute = attribute(cell, 'id');
      const id = idAttribute ? Number(idAttribute.value) : i;
      if (idAttribute && !/^\s*\d+$/.test(idAttribute.value)) return;
      if (id >= cells.length) {
        problems.push({
          ...(idAttribute ? valueSpan(idAttribute) : nameSpan(cell)),
          message: refused(
            (cells.length > 1 ? M.cellIdBeyond : M.cellIdBeyondOne)({ id, count: cells.length }),
            "Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed",
          ),
        });
        return;
      }
      if (seen.has(id)) {
        problems.push({
          ...(idAttribute ? valueSpan(idAttribute) : nameSpan(cell)),
          message: refused(M.secondCell({ id }), `Duplicate NUMA cell info for cell id '${id}'`),
        });
        return;
      }
      const cpus = attributeValue(cell, 'cpus');
      const list = cpus === undefined ? undefined : parseBitmap(cpus);
      if (list) {
        for (const [other, otherList] of seen) {
          if (otherList?.some((cpu) => list.includes(cpu))) {
            problems.push({
              ...valueSpan(attribute(cell, 'cpus')!),
              message: refused(M.cellsShareVcpus({ id, other }), `NUMA cells ${id} and ${other} have overlapping vCPU ids`),
            });
            break;
          }
        }
        total += list.length;
        maxId = Math.max(maxId, ...list);
      }
      seen.set(id, list);
    });
    const vcpus = model.vcpu?.maximum;
    if (vcpus !== undefined && problems.length === 0) {
      const where = model.vcpu!.element;
      if (total > vcpus)
        problems.push({
          ...nameSpan(where),
          message: refused(M.tooManyVcpus({ total, vcpus }), 'Number of CPUs in <numa> exceeds the <vcpu> count'),
        });
      else if (maxId >= vcpus)
        problems.push({
          ...nameSpan(where),
          message: refused(M.vcpuBeyondCount({ id: maxId, vcpus }), 'CPU IDs in <numa> exceed the <vcpu> count'),
        });
    }
    const cellIds = new Set<number>();
    for (const memnode of memnodes) {
      const cellid = attribute(memnode, 'cellid');
      if (!cellid || !/^\s*\d+$/.test(cellid.value)) continue;
      const id = Number(cellid.value);
      if (id >= cells.length)
        problems.push({
          ...valueSpan(cellid),
          message: refused(
            M.memnodeForMissingCell({ id }),
            "Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell",
          ),
        });
      else if (cellIds.has(id))
        problems.push({
          ...valueSpan(cellid),
          message: refused(M.secondMemnode({ id }), `Multiple memnode elements with cellid ${id}`),
        });
      cellIds.add(id);
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
