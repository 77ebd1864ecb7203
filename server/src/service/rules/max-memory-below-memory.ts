import { formatBytes } from '../model/sizeUnits';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { tagSpan, textOrTagSpan } from './spans';

export const maxMemoryBelowMemory: Rule = {
  id: 'max-memory-below-memory',
  severity: 'error',
  title: '<maxMemory> is below <memory>',
  explanation: '<maxMemory> is the ceiling for memory hot-plug and must be at least <memory>. libvirt refuses less: '
    + '"maximum memory size must be equal or greater than the actual memory size".',
  docs: DOCS.memory,
  check({ model, report }) {
    const { maxMemory, memory } = model;
    if (!maxMemory || !memory || !('bytes' in maxMemory.size) || !('bytes' in memory.size)) return;
    if (maxMemory.size.bytes >= memory.size.bytes) return;
    report({
      ...textOrTagSpan(maxMemory.element),
      message: `maxMemory (${formatBytes(maxMemory.size.bytes)}) is below memory (${formatBytes(memory.size.bytes)}).`,
      related: [{ ...tagSpan(memory.element), message: `memory is ${formatBytes(memory.size.bytes)}` }],
    });
  },
};
