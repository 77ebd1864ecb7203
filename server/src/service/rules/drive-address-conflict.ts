import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { removeDriveAddressFix } from '../fixes/driveAddressFixes';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import type { Device } from '../model/domainModel';
import { duplicates, groupBy, listWithMore, othersIn } from '../validation/grouping';
import { tagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import { diskNameIndex } from './disk-target-duplicate';
import type { Rule } from './rule';

const M = messages('drive-address-conflict', {
  where: '{bus} controller {controller}, bus {busNumber}, target {target}, unit {unit}',
  alsoUsedBy: 'Drive address {where} is also used by {devices}: libvirt refuses the domain ("{libvirtSays}").',
  otherAlsoAt: '{device} is also at {where}',
  moveToUnit: 'Move to unit {unit} of {bus} controller {controller}',
});

export const driveAddressConflict: Rule = {
  id: 'drive-address-conflict',
  severity: 'error',
  title: 'Two disks or SCSI host devices use the same drive address',
  explanation:
    'A drive address (controller, bus, target, unit) names one position on an IDE, SATA, SCSI or floppy ' +
    'controller. libvirt refuses a domain where two disks of the same bus type, or a SCSI disk and a SCSI host ' +
    'device, claim the same position ("Found duplicate drive address").',
  docs: DOCS.addresses,
  check({ model, report }) {
    const byPosition = groupBy(model.devices, (device) => {
      const drive = device.address?.drive;
      const bus = driveBusOf(device);
      return drive && bus ? `${bus} ${drive.join(':')}` : undefined;
    });
    for (const [key, devices] of duplicates(byPosition)) {
      const [bus, position] = key.split(' ');
      const [controller, busNumber, target, unit] = position.split(':');
      const where = M.where({ bus, controller, busNumber, target, unit });
      const says = libvirtSays(devices, position.split(':'));
      for (const device of devices) {
        const { shown: others, more } = othersIn(devices, device);
        report({
          ...tagSpan(device.address!.element),
          message: M.alsoUsedBy({ where, devices: listWithMore(others.map(deviceLabel), more), libvirtSays: says }),
          related: others.map((other) => ({
            ...tagSpan(other.address!.element),
            message: M.otherAlsoAt({ device: deviceLabel(other), where }),
          })),
          fixes: (context) => [
            ...nextFreeUnitFix(device, context),
            ...(device.kind === 'disk' ? removeDriveAddressFix(device, context) : []),
          ],
        });
      }
    }
  },
};

/**
 * libvirt's message for devices at one drive address: it checks the disks first, naming the first in its order (the
 * disks of a bus sorted by name, stably), then each SCSI host device against the later ones, then against the disks.
 */
function libvirtSays(devices: readonly Device[], [controller, bus, target, unit]: readonly string[]): string {
  const numbers = `controller='${controller}' bus='${bus}' target='${target}' unit='${unit}'`;
  const disks = devices.filter((device) => device.kind === 'disk');
  if (disks.length > 1) {
    const index = (disk: Device) => diskNameIndex(attributeValue(disk.target, 'dev'));
    const first = disks.reduce((best, disk) => (index(disk) < index(best) ? disk : best));
    return `Found duplicate drive address for disk with target name '${attributeValue(first.target, 'dev')}' ${numbers}`;
  }
  const hostdevs = devices.filter((device) => device.kind === 'hostdev');
  return `SCSI host address ${numbers} in use by ${hostdevs.length > 1 ? 'another SCSI host device' : 'a SCSI disk'}`;
}

/** Units per bus of one target: AHCI has 6 ports, IDE 2 devices per bus, a floppy controller 2 drives. */
const MAX_UNIT: Record<string, number> = { sata: 5, ide: 1, fdc: 1, scsi: 16383 };

/** "Move to unit N": the first unit free on the same controller, bus and target. */
function nextFreeUnitFix(device: Device, context: FixContext): Fix[] {
  const bus = driveBusOf(device)!;
  const [controller, busNumber, target] = device.address!.drive!;
  const used = new Set(
    context.model.devices
      .filter((other) => other !== device && driveBusOf(other) === bus && other.address?.drive)
      .filter(
        (other) => other.address!.drive![0] === controller && other.address!.drive![1] === busNumber && other.address!.drive![2] === target,
      )
      .map((other) => other.address!.drive![3]),
  );
  for (let unit = 0; unit <= (MAX_UNIT[bus] ?? 0); unit++) {
    if (used.has(unit)) continue;
    return [
      {
        title: M.moveToUnit({ unit, bus, controller }),
        edits: [setAttribute(device.address!.element, 'unit', String(unit), context)],
        preferred: true,
      },
    ];
  }
  return [];
}

/** The controller type a drive address refers to: the disk's bus, or scsi for SCSI host devices. */
function driveBusOf(device: Device): string | undefined {
  if (device.kind === 'disk') return attributeValue(device.target, 'bus');
  if (device.kind === 'hostdev' && device.type === 'scsi') return 'scsi';
  return undefined;
}
