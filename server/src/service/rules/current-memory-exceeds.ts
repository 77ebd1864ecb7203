import { messages } from '../../l10n/message';
import { currentMemoryEqualsMemoryFix } from '../fixes/memoryFixes';
import { DOCS } from '../libvirtDocs';
import { memoryPair } from '../model/memoryPair';
import { formatBytes } from '../model/sizeUnits';
import { tagSpan, textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('current-memory-exceeds', {
  aboveMemory: 'currentMemory ({current}) is above memory ({maximum}); libvirt silently lowers it to {maximum}.',
  memoryIs: 'memory is {size}',
});

export const currentMemoryExceeds: Rule = {
  id: 'current-memory-exceeds',
  severity: 'warning',
  title: 'currentMemory is above memory',
  explanation:
    '<currentMemory> cannot exceed <memory>. libvirt accepts it silently and clamps currentMemory down to ' +
    'memory, so the guest gets less than this file says. Raise <memory> if the guest needs more.',
  docs: DOCS.memory,
  check({ model, report }) {
    const pair = memoryPair(model);
    if (!pair || pair.current <= pair.maximum) return;
    report({
      ...textOrTagSpan(pair.currentElement),
      fixes: (context) => currentMemoryEqualsMemoryFix(context.model, context),
      message: M.aboveMemory({ current: formatBytes(pair.current), maximum: formatBytes(pair.maximum) }),
      related: [{ ...tagSpan(pair.memoryElement), message: M.memoryIs({ size: formatBytes(pair.maximum) }) }],
    });
  },
};
