// Fixes for disks on drive buses (SATA, IDE, floppy): drop a drive address where libvirt would derive a free one.

import type { Fix, FixContext } from '../languageTypes';
import type { Device } from '../model/domainModel';
import { devicesOfKind } from '../model/domainModel';
import { driveAddressFromName } from '../model/driveAddress';
import { attributeValue } from '../xml/xmlTree';
import { removeAddressFix } from './pciAddressFixes';

/** "Remove the address" for a disk on a drive bus, only when the address libvirt would derive is free. */
export function removeDriveAddressFix(disk: Device, context: FixContext): Fix[] {
  const bus = attributeValue(disk.target, 'bus');
  const derived = driveAddressFromName(bus, attributeValue(disk.target, 'dev'));
  if (!derived) return [];
  const clash = devicesOfKind(context.model, 'disk').some(
    (other) =>
      other !== disk &&
      attributeValue(other.target, 'bus') === bus &&
      (other.address?.drive ?? driveAddressFromName(bus, attributeValue(other.target, 'dev')))?.join(':') === derived.join(':'),
  );
  return clash ? [] : removeAddressFix(disk, context);
}
