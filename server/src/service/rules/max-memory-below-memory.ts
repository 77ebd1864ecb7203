import { messages } from '../../l10n/message';
import { replaceText, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { refusedAtDefine as refused } from '../refusals';
import { tagSpan, textOrTagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('max-memory-below-memory', {
  belowMemory: 'maxMemory ({maxMemory}) is below memory ({memory})',
  memoryIs: 'memory is {size}',
  setMaxMemory: 'Set maxMemory to {size}',
});

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
      message: refused(
        M.belowMemory({ maxMemory: formatBytes(maxMemory.size.bytes), memory: formatBytes(memory.size.bytes) }),
        'maximum memory size must be equal or greater than the actual memory size',
      ),
      related: [{ ...tagSpan(memory.element), message: M.memoryIs({ size: formatBytes(memory.size.bytes) }) }],
      fixes: (context) => [
        {
          title: M.setMaxMemory({ size: formatBytes(memoryBytes) }),
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
