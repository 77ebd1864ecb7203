// "Remove all fixed PCI addresses": libvirt assigns fresh, conflict-free ones at the next define.

import { messages } from '../../l10n/message';
import { removeElement } from '../edits/xmlEdits';
import type { Tweak } from './tweak';

const M = messages('tweak.removePciAddresses', {
  removeAll: 'Remove all fixed PCI addresses ({count}; libvirt assigns new ones at define)',
});

export const removePciAddresses: Tweak = {
  offer(context) {
    const addressed = context.model.devices.filter((device) => device.address?.type === 'pci');
    if (addressed.length === 0) return [];
    return [
      {
        title: M.removeAll({ count: addressed.length }),
        edits: addressed.map((device) => removeElement(device.address!.element, context)),
      },
    ];
  },
};
