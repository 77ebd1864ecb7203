import type { Device } from '../model/domainModel';
import { deviceLabel } from '../model/deviceLabel';
import { attributeValue } from '../xml/xmlTree';
import { DOCS } from './docs';
import { duplicates, groupBy, listWithMore, othersIn } from './grouping';
import type { Rule } from './rule';
import { tagSpan } from './spans';

export const driveAddressConflict: Rule = {
  id: 'drive-address-conflict',
  severity: 'error',
  title: 'Two disks or SCSI host devices use the same drive address',
  explanation: 'A drive address (controller, bus, target, unit) names one position on an IDE, SATA, SCSI or floppy '
    + 'controller. libvirt refuses a domain where two disks of the same bus type, or a SCSI disk and a SCSI host '
    + 'device, claim the same position ("Found duplicate drive address").',
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
      const where = `${bus} controller ${controller}, bus ${busNumber}, target ${target}, unit ${unit}`;
      for (const device of devices) {
        const { shown: others, more } = othersIn(devices, device);
        report({
          ...tagSpan(device.address!.element),
          message: `Drive address ${where} is also used by ${listWithMore(others.map(deviceLabel), more)}.`,
          related: others.map((other) => ({ ...tagSpan(other.address!.element), message: `${deviceLabel(other)} is also at ${where}` })),
        });
      }
    }
  },
};

/** The controller type a drive address refers to: the disk's bus, or scsi for SCSI host devices. */
function driveBusOf(device: Device): string | undefined {
  if (device.kind === 'disk') return attributeValue(device.target, 'bus');
  if (device.kind === 'hostdev' && device.type === 'scsi') return 'scsi';
  return undefined;
}
