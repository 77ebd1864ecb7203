// "Pass through all functions of this device": a GPU is a video function and an audio function (and sometimes
// USB and serial ones); VFIO needs them all in the guest. For a hostdev at BB:SS.0 this adds the sibling functions
// the host has, on the same guest slot with multifunction='on'. Needs the host's PCI devices (host facts).

import { messages } from '../../l10n/message';
import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, insertChildren, replaceElement, setAttribute } from '../edits/xmlEdits';
import { pciHostdevSpec } from '../fixes/hostdevSpec';
import { insertControllers } from '../fixes/pciAddressFixes';
import { deviceOf, hostdevSourceAddress } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { pciAddressSpec } from '../planner/pciAddressPlanner';
import { attributeValue, elementAt, enclosing, firstChild } from '../xml/xmlTree';
import type { Tweak } from './tweak';

const M = messages('tweak.passThroughAllFunctions', {
  passAll: 'Pass through all functions of {slot} (adds {functions})',
});

export const passThroughAllFunctions: Tweak = {
  offer(context, offset) {
    const hostDevices = context.host.pciDevices;
    const at = enclosing(elementAt(context.model.root, offset), 'hostdev');
    const hostdev = deviceOf(context.model, at);
    const host = hostdev && hostdevSourceAddress(hostdev);
    if (!hostDevices || !hostdev || !host || host.function !== 0) return [];
    const passed = new Set(
      context.model.devices
        .map(hostdevSourceAddress)
        .filter((a) => a !== undefined)
        .map(formatPciAddress),
    );
    const siblings = hostDevices.filter(
      (device) =>
        device.address.domain === host.domain &&
        device.address.bus === host.bus &&
        device.address.slot === host.slot &&
        device.address.function !== 0 &&
        !passed.has(formatPciAddress(device.address)),
    );
    if (siblings.length === 0) return [];

    const edits: OffsetEdit[] = [];
    let guest = hostdev.address?.pci;
    if (guest) {
      if (!hostdev.address!.multifunction) edits.push(setAttribute(hostdev.address!.element, 'multifunction', 'on', context));
    } else {
      const plan = context.planner([hostdev]).nextEndpointAddress();
      if (!plan) return [];
      guest = plan.address;
      const spec = pciAddressSpec(guest, true);
      edits.push(hostdev.address ? replaceElement(hostdev.address.element, spec, context) : insertChild(hostdev.element, spec, context));
      if (plan.newController) edits.push(insertControllers(context.model, [plan.newController], context));
    }
    const driver = attributeValue(firstChild(hostdev.element, 'driver'), 'name');
    const specs = siblings.map((sibling) =>
      pciHostdevSpec(sibling.address, { driver, guest: { ...guest!, function: sibling.address.function } }),
    );
    const parent = hostdev.element.parent!;
    const next = parent.children[parent.children.indexOf(hostdev.element) + 1];
    edits.push(insertChildren(parent, specs, context, next));
    const added = siblings.map((s) => `${formatPciAddress(s.address).slice(5)}${s.name ? ` ${s.name}` : ''}`).join(', ');
    return [{ title: M.passAll({ slot: formatPciAddress(host).slice(0, -2), functions: added }), edits }];
  },
};
