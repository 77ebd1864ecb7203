// Converting a disk to virtio: bus='virtio', a vdX name, a PCI address (or none) instead of the drive address.

import type { OffsetEdit } from '../edits/xmlEdits';
import { removeElement, replaceElement, setAttribute } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { FixContext } from '../languageTypes';
import { nextFreeTarget } from '../model/diskNames';
import type { Device } from '../model/domainModel';
import { type PciAddressPlanner, pciAddressSpec } from '../planner/pciAddressPlanner';
import { attributeValue } from '../xml/xmlTree';
import { insertControllers } from './pciAddressFixes';

/** The part of a conversion that cannot be done by one edit alone: root ports to add in a single insertion. */
export interface DeviceEdits {
  readonly edits: OffsetEdit[];
  readonly newControllers: ElementSpec[];
}

/**
 * Converts a disk to virtio: bus='virtio', the target renamed to the next free vdX, the drive address replaced by a
 * free PCI address from `planner` (or removed when it has none). `taken` collects target names across conversions.
 */
export function convertDiskToVirtio(disk: Device, context: FixContext, planner: PciAddressPlanner, taken: Set<string>): DeviceEdits {
  const target = disk.target!;
  const edits: OffsetEdit[] = [setAttribute(target, 'bus', 'virtio', context)];
  const newControllers: ElementSpec[] = [];
  const dev = attributeValue(target, 'dev');
  if (!dev?.startsWith('vd') || taken.has(dev)) {
    const name = nextFreeTarget(context.model, 'virtio', disk, taken);
    taken.add(name);
    edits.push(setAttribute(target, 'dev', name, context));
  } else {
    taken.add(dev);
  }
  if (disk.address && disk.address.type !== 'pci') {
    const plan = planner.nextEndpointAddress();
    if (plan) {
      edits.push(replaceElement(disk.address.element, pciAddressSpec(plan.address), context));
      if (plan.newController) newControllers.push(plan.newController);
    } else {
      edits.push(removeElement(disk.address.element, context));
    }
  }
  return { edits, newControllers };
}

/** One disk converted, with its new root port (if any) inserted. */
export function convertDiskToVirtioEdits(disk: Device, context: FixContext): OffsetEdit[] {
  const { edits, newControllers } = convertDiskToVirtio(disk, context, context.planner([disk]), new Set());
  return newControllers.length ? [...edits, insertControllers(context.model, newControllers, context)] : edits;
}
