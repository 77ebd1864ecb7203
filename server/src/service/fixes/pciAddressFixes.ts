// Fixes that give a device a PCI address: move it to a free one (the planner's), drop it, add the root port a plan
// needs. Shared by the address rules, the virtio conversion and the pass-through tweak.

import { messages } from '../../l10n/message';
import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, insertChildren, removeElement, replaceElement } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { Fix, FixContext } from '../languageTypes';
import type { Device, DomainModel } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { type PlannedAddress, pciAddressSpec } from '../planner/pciAddressPlanner';

const M = messages('fix.pciAddress', {
  moveToFree: 'Move to free address {address}',
  moveToFreeAddingRootPort: 'Move to free address {address} (adds a pcie-root-port)',
  removeAddress: 'Remove the address (libvirt assigns one)',
});

/** The edits that put `device` at a planned PCI address (replacing its <address>) and add the plan's controller. */
export function pciAddressEdits(device: Device, plan: PlannedAddress, context: FixContext): OffsetEdit[] {
  const spec = pciAddressSpec(plan.address);
  const edits = [device.address ? replaceElement(device.address.element, spec, context) : insertChild(device.element, spec, context)];
  if (plan.newController) edits.push(insertControllers(context.model, [plan.newController], context));
  return edits;
}

/** "Move to free address 0000:01:00.0" (via the planner), or nothing when the machine has no room it knows of. */
export function moveToFreePciAddress(device: Device, context: FixContext, preferred = true): Fix[] {
  const plan = context.planner([device]).nextEndpointAddress();
  if (!plan) return [];
  const where = formatPciAddress(plan.address);
  const title = plan.newController ? M.moveToFreeAddingRootPort({ address: where }) : M.moveToFree({ address: where });
  return [{ title, edits: pciAddressEdits(device, plan, context), preferred }];
}

export function removeAddressFix(device: Device, context: FixContext): Fix[] {
  if (!device.address) return [];
  return [{ title: M.removeAddress(), edits: [removeElement(device.address.element, context)] }];
}

/** Inserts new controllers after the last <controller> of <devices> (or at the end of <devices>), in one edit. */
export function insertControllers(model: DomainModel, specs: readonly ElementSpec[], context: FixContext): OffsetEdit {
  const devices = model.devicesElement!;
  const controllers = devices.children.filter((child) => child.name === 'controller');
  const last = controllers[controllers.length - 1];
  const next = last ? devices.children[devices.children.indexOf(last) + 1] : undefined;
  return insertChildren(devices, specs, context, next);
}
