import { messages } from '../../l10n/message';
import { insertChild, removeElement } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import { AFTER_CPU, addToDomain } from '../fixes/domainElements';
import type { Fix } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { guestArch } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import { attribute, firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('memory-hotplug-needs-numa', {
  needsCell:
    "<maxMemory> needs a NUMA cell: libvirt refuses the domain (\"{libvirtSays}\"). Add <numa><cell id='0' cpus='0-N' memory='...'/></numa> to <cpu>, or remove <maxMemory>.",
  addCell: 'Add a NUMA cell with all vCPUs and memory',
  removeMaxMemory: 'Remove <maxMemory> (no memory hot-plug)',
});

export const memoryHotplugNeedsNuma: Rule = {
  id: 'memory-hotplug-needs-numa',
  severity: 'error',
  title: '<maxMemory> (memory hot-plug) without a NUMA cell',
  explanation:
    'QEMU plugs memory into a NUMA node, so memory hot-plug needs at least one <cell> in <cpu><numa>. libvirt ' +
    'refuses <maxMemory> without one: "At least one numa node has to be configured when enabling memory hotplug" ' +
    '(ppc64 pSeries guests excepted).',
  docs: DOCS.memory,
  check({ model, host, report }) {
    const maxMemory = model.maxMemory;
    if (!maxMemory || firstChild(firstChild(model.cpu.element, 'numa'), 'cell')) return;
    // An empty <maxMemory> without slots= is no memory hot-plug to libvirt (memory-value-invalid says it is dropped).
    if (maxMemory.element.text.trim() === '' && !attribute(maxMemory.element, 'slots')) return;
    // pSeries guests hot-plug memory without NUMA (libvirt exempts ppc64).
    if (guestArch(model, host.arch).startsWith('ppc64')) return;
    report({
      ...tagSpan(maxMemory.element),
      message: M.needsCell({ libvirtSays: 'At least one numa node has to be configured when enabling memory hotplug' }),
      fixes: (context) => {
        const fixes: Fix[] = [];
        const memory = model.memory;
        const vcpus = model.vcpu?.maximum ?? 1;
        if (memory && 'bytes' in memory.size) {
          const cell: ElementSpec = {
            name: 'cell',
            attributes: [
              ['id', '0'],
              ['cpus', vcpus > 1 ? `0-${vcpus - 1}` : '0'],
              ['memory', String(Math.ceil(memory.size.bytes / 1024))],
              ['unit', 'KiB'],
            ],
          };
          const numa: ElementSpec = { name: 'numa', children: [cell] };
          const cpu = model.cpu.element;
          const edit = cpu ? insertChild(cpu, numa, context) : addToDomain(model, { name: 'cpu', children: [numa] }, AFTER_CPU, context);
          fixes.push({ title: M.addCell(), edits: [edit], preferred: true });
        }
        fixes.push({ title: M.removeMaxMemory(), edits: [removeElement(maxMemory.element, context)] });
        return fixes;
      },
    });
  },
};
