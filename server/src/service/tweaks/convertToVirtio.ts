// "Convert disk to virtio", "Convert NIC to virtio" on a device, and "Convert all to virtio" in <devices>: the
// seed's conversion done right (new target name, a free PCI address instead of the drive address, Windows warned).

import { messages } from '../../l10n/message';
import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, setAttribute } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import { insertControllers } from '../fixes/pciAddressFixes';
import { convertDiskToVirtio } from '../fixes/virtioConversion';
import type { Fix, FixContext } from '../languageTypes';
import { deviceLabel } from '../model/deviceLabel';
import { type Device, isWindowsGuest } from '../model/domainModel';
import { attributeValue, elementAt, enclosing } from '../xml/xmlTree';
import type { Tweak } from './tweak';

const M = messages('tweak.convertToVirtio', {
  convert: 'Convert {device} to virtio',
  convertWindowsDisk: 'Convert {device} to virtio — Windows needs the virtio storage driver installed first',
  convertAll: 'Convert all disks and NICs to virtio ({count} devices)',
  convertAllWindows: 'Convert all disks and NICs to virtio ({count} devices) — Windows needs the virtio storage driver installed first',
});

const CONVERTIBLE_DISK_BUSES = new Set(['sata', 'ide', 'scsi']);

export function isConvertibleDisk(device: Device): boolean {
  return (
    device.kind === 'disk' &&
    (attributeValue(device.element, 'device') ?? 'disk') === 'disk' &&
    CONVERTIBLE_DISK_BUSES.has(device.bus ?? '') &&
    device.target !== undefined
  );
}

export function isConvertibleNic(device: Device): boolean {
  return (
    device.kind === 'interface' &&
    device.type !== 'hostdev' &&
    device.type !== 'vhostuser' &&
    attributeValue(device.model, 'type') !== 'virtio'
  );
}

function nicEdits(nic: Device, context: FixContext): OffsetEdit[] {
  return nic.model
    ? [setAttribute(nic.model, 'type', 'virtio', context)]
    : [insertChild(nic.element, { name: 'model', attributes: [['type', 'virtio']] }, context)];
}

/** The edits converting `devices` together: one planner, one set of target names, one insertion of root ports. */
function convertAll(devices: readonly Device[], context: FixContext): OffsetEdit[] {
  const disks = devices.filter(isConvertibleDisk);
  const planner = context.planner(disks);
  const taken = new Set<string>();
  const edits: OffsetEdit[] = [];
  const newControllers: ElementSpec[] = [];
  for (const device of devices) {
    if (isConvertibleDisk(device)) {
      const converted = convertDiskToVirtio(device, context, planner, taken);
      edits.push(...converted.edits);
      newControllers.push(...converted.newControllers);
    } else if (isConvertibleNic(device)) {
      edits.push(...nicEdits(device, context));
    }
  }
  if (newControllers.length) edits.push(insertControllers(context.model, newControllers, context));
  return edits;
}

export const convertToVirtio: Tweak = {
  offer(context, offset) {
    const { model } = context;
    const at = elementAt(model.root, offset);
    const fixes: Fix[] = [];
    const windows = isWindowsGuest(model);
    const device = model.devices.find((candidate) => at && enclosing(at, candidate.element.name) === candidate.element);
    if (device && isConvertibleDisk(device)) {
      fixes.push({
        title: (windows ? M.convertWindowsDisk : M.convert)({ device: deviceLabel(device) }),
        edits: convertAll([device], context),
      });
    } else if (device && isConvertibleNic(device)) {
      fixes.push({ title: M.convert({ device: deviceLabel(device) }), edits: nicEdits(device, context) });
    }
    const convertible = model.devices.filter((candidate) => isConvertibleDisk(candidate) || isConvertibleNic(candidate));
    const inDevices = at !== undefined && (enclosing(at, 'devices') !== undefined || at === model.root);
    if (inDevices && convertible.length > 1) {
      const hasDisk = convertible.some(isConvertibleDisk);
      fixes.push({
        title: (windows && hasDisk ? M.convertAllWindows : M.convertAll)({ count: convertible.length }),
        edits: convertAll(convertible, context),
      });
    }
    return fixes;
  },
};
