import { messages } from '../../l10n/message';
import { currentMemoryEqualsMemoryFix } from '../fixes/memoryFixes';
import { DOCS } from '../libvirtDocs';
import { memoryPair } from '../model/memoryPair';
import { formatBytes } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('memory-balloon', {
  ballooned:
    'The guest starts with {current} and may grow to {maximum} through the balloon. Windows guests show the ballooned-away memory as used.',
});

export const memoryBalloon: Rule = {
  id: 'memory-balloon',
  severity: 'info',
  title: 'currentMemory is below memory: the guest is ballooned',
  explanation:
    '<memory> is the most the guest may have; <currentMemory> is what it gets at boot. Below <memory>, the ' +
    'virtio balloon driver inside the guest holds the difference. Windows counts that ballooned-away memory as used: ' +
    'with memory 8 GiB and currentMemory 1 GiB, Task Manager shows about 7.7 GiB in use right after boot.',
  docs: DOCS.memory,
  check({ model, report }) {
    const pair = memoryPair(model);
    if (!pair || pair.current >= pair.maximum || pair.balloonDisabled) return;
    report({
      ...textOrTagSpan(pair.currentElement),
      fixes: (context) => currentMemoryEqualsMemoryFix(context.model, context),
      message: M.ballooned({ current: formatBytes(pair.current), maximum: formatBytes(pair.maximum) }),
    });
  },
};
