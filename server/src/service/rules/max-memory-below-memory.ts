import { replaceText, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { tagSpan, textOrTagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import type { Rule } from './rule';

export const maxMemoryBelowMemory: Rule = {
  id: 'max-memory-below-memory',
  severity: 'error',
  title: '<maxMemory> is below <memory>',
  explanation:
    '<maxMemory> is the ceiling for memory hot-plug and must be at least <memory>. libvirt refuses less: ' +
    '"maximum memory size must be equal or greater than the actual memory size".',
  docs: DOCS.memory,
  check({ model, report }) {
    const { maxMemory, memory } = model;
    if (!maxMemory || !memory || !('bytes' in maxMemory.size) || !('bytes' in memory.size)) return;
    const memoryBytes = memory.size.bytes;
    if (maxMemory.size.bytes >= memoryBytes) return;
    report({
      ...textOrTagSpan(maxMemory.element),
      message:
        `maxMemory (${formatBytes(maxMemory.size.bytes)}) is below memory (${formatBytes(memory.size.bytes)}): libvirt refuses the domain ` +
        '("maximum memory size must be equal or greater than the actual memory size").',
      related: [{ ...tagSpan(memory.element), message: `memory is ${formatBytes(memory.size.bytes)}` }],
      fixes: (context) => [
        {
          title: `Set maxMemory to ${formatBytes(memoryBytes)}`,
          edits: [
            replaceText(maxMemory.element, memory.element.text.trim()),
            setAttribute(maxMemory.element, 'unit', attributeValue(memory.element, 'unit') ?? 'KiB', context),
          ],
          preferred: true,
        },
      ],
    });
  },
};
