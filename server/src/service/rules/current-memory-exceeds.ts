import { formatBytes } from '../model/sizeUnits';
import { DOCS } from './docs';
import { currentMemoryEqualsMemoryFix } from './domainFixes';
import { memoryPair } from './memoryPair';
import type { Rule } from './rule';
import { tagSpan, textOrTagSpan } from './spans';

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
      message: `currentMemory (${formatBytes(pair.current)}) is above memory (${formatBytes(pair.maximum)}); libvirt silently lowers it to ${formatBytes(pair.maximum)}.`,
      related: [{ ...tagSpan(pair.memoryElement), message: `memory is ${formatBytes(pair.maximum)}` }],
    });
  },
};
