import { currentMemoryEqualsMemoryFix } from '../fixes/memoryFixes';
import { DOCS } from '../libvirtDocs';
import { memoryPair } from '../model/memoryPair';
import { formatBytes } from '../model/sizeUnits';
import { tagSpan, textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

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
