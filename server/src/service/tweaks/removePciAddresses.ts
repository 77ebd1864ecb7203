// "Remove all fixed PCI addresses": libvirt assigns fresh, conflict-free ones at the next define.

import { removeElement } from '../edits/xmlEdits';
import type { Tweak } from './tweak';

export const removePciAddresses: Tweak = {
  offer(context) {
    const addressed = context.model.devices.filter((device) => device.address?.type === 'pci');
    if (addressed.length === 0) return [];
    return [
      {
        title: `Remove all fixed PCI addresses (${addressed.length}; libvirt assigns new ones at define)`,
        edits: addressed.map((device) => removeElement(device.address!.element, context)),
      },
    ];
  },
};
