import { messages } from '../../l10n/message';
import { driverHelperDiskFix } from '../fixes/driverHelperDisk';
import { convertDiskToVirtioEdits } from '../fixes/virtioConversion';
import { DOCS } from '../libvirtDocs';
import { type Device, type DomainModel, devicesOfKind, isWindowsGuest } from '../model/domainModel';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('boot-disk-not-virtio', {
  emulatedBus: 'The boot disk {dev} is on bus {bus}; virtio is much faster.',
  emulatedBusWindows:
    'The boot disk {dev} is on bus {bus}; virtio is much faster. Windows: install the virtio storage driver first (add a second virtio disk), or the guest will not boot.',
  convert: 'Convert {dev} to virtio',
  convertWindows: 'Convert {dev} to virtio (Windows must already have the virtio storage driver, or it will not boot)',
});

const EMULATED_BUSES = new Set(['sata', 'ide', 'scsi']);

export const bootDiskNotVirtio: Rule = {
  id: 'boot-disk-not-virtio',
  severity: 'warning',
  title: 'The boot disk is on an emulated bus (sata, ide or scsi) instead of virtio',
  explanation:
    'An emulated SATA/IDE disk is several times slower than virtio-blk. Converting is more than changing bus=: ' +
    'the target becomes vdX and the drive address must go. A Windows guest installed on SATA blue-screens ' +
    '(INACCESSIBLE_BOOT_DEVICE) if its boot disk is switched directly: first add a small second virtio disk so that ' +
    'Windows installs the virtio storage driver, then convert the boot disk.',
  docs: DOCS.disks,
  check({ model, report }) {
    const disk = bootDisk(model);
    const bus = disk?.target ? attribute(disk.target, 'bus') : undefined;
    if (!disk || !bus || !EMULATED_BUSES.has(bus.value)) return;
    const dev = attributeValue(disk.target, 'dev') ?? 'disk';
    const windows = isWindowsGuest(model);
    report({
      ...valueSpan(bus),
      message: (windows ? M.emulatedBusWindows : M.emulatedBus)({ dev, bus: bus.value }),
      fixes: (context) => {
        const convert = convertDiskToVirtioEdits(disk, context);
        const title = windows ? M.convertWindows({ dev }) : M.convert({ dev });
        if (!windows) return [{ title, edits: convert, preferred: true }];
        // Once a virtio disk is attached, Windows can install the driver from it: no need to offer another.
        const hasVirtioDisk = devicesOfKind(context.model, 'disk').some((other) => attributeValue(other.target, 'bus') === 'virtio');
        return hasVirtioDisk ? [{ title, edits: convert }] : [driverHelperDiskFix(disk, context), { title, edits: convert }];
      },
    });
  },
};

/**
 * The disk the guest boots from: the device with the lowest per-device boot order (if it is a disk), else the
 * first hard disk when <os> boots from 'hd' or names no boot device at all.
 */
export function bootDisk(model: DomainModel): Device | undefined {
  let first: { device: Device; order: number } | undefined;
  for (const device of model.devices) {
    if (device.bootOrder !== undefined && (!first || device.bootOrder < first.order)) first = { device, order: device.bootOrder };
  }
  if (first) return isHardDisk(first.device) ? first.device : undefined;
  const bootsFromDisk = model.os.boots.length === 0 || model.os.boots.some((boot) => attributeValue(boot, 'dev') === 'hd');
  if (!bootsFromDisk || bootsKernelDirectly(model)) return undefined;
  return devicesOfKind(model, 'disk').find(isHardDisk);
}

function isHardDisk(device: Device): boolean {
  return device.kind === 'disk' && (attributeValue(device.element, 'device') ?? 'disk') === 'disk' && device.target !== undefined;
}

/** Direct kernel boot (<os><kernel>) does not boot from a disk. */
function bootsKernelDirectly(model: DomainModel): boolean {
  return model.os.element?.children.some((child) => child.name === 'kernel') ?? false;
}
