import { messages } from '../../l10n/message';
import { currentMemoryEqualsMemoryFix, disableBalloonFix } from '../fixes/memoryFixes';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { pciHostdevs } from '../model/domainModel';
import { memoryPair } from '../model/memoryPair';
import { formatBytes } from '../model/sizeUnits';
import { tagSpan, textOrTagSpan } from '../validation/spans';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('balloon-with-vfio', {
  pinsAllMemory:
    '{device} uses VFIO, which pins all {maximum} of guest memory: ballooning down to {current} frees nothing on the host. Set currentMemory equal to memory.',
  vfioDevice: 'VFIO device',
});

export const balloonWithVfio: Rule = {
  id: 'balloon-with-vfio',
  severity: 'warning',
  title: 'The guest is ballooned while a VFIO device is attached',
  explanation:
    'A device passed through with VFIO can DMA into any guest page, so QEMU pins all guest memory at start. ' +
    'The balloon cannot give any of it back to the host: the host pays for <memory> in full while the guest sees ' +
    'only <currentMemory>. Set currentMemory equal to memory (VFIO guides also disable the balloon with ' +
    "<memballoon model='none'/>).",
  docs: DOCS.balloon,
  check({ model, report }) {
    const pair = memoryPair(model);
    if (!pair || pair.current >= pair.maximum || pair.balloonDisabled) return;
    const vfio = pciHostdevs(model).find((hostdev) => (attributeValue(firstChild(hostdev.element, 'driver'), 'name') ?? 'vfio') === 'vfio');
    if (!vfio) return;
    report({
      ...textOrTagSpan(pair.currentElement),
      message: M.pinsAllMemory({ device: deviceLabel(vfio), maximum: formatBytes(pair.maximum), current: formatBytes(pair.current) }),
      related: [{ ...tagSpan(vfio.element), message: M.vfioDevice() }],
      fixes: (context) => [...currentMemoryEqualsMemoryFix(context.model, context), ...disableBalloonFix(context.model, context)],
    });
  },
};
