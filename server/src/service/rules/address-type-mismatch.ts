import { messages } from '../../l10n/message';
import { replaceElement } from '../edits/xmlEdits';
import { removeDriveAddressFix } from '../fixes/driveAddressFixes';
import { pciAddressEdits, removeAddressFix } from '../fixes/pciAddressFixes';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { type Device, devicesOfKind } from '../model/domainModel';
import { formatPciAddress } from '../model/pciAddress';
import { tagSpan } from '../validation/spans';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('address-type-mismatch', {
  replaceWithDrive: 'Replace with drive address controller 0, bus {bus}, unit {unit}',
  replaceWithPci: 'Replace with PCI address {address}',
  virtioDrive:
    'Disk {dev} is on bus virtio but has a drive address: libvirt refuses the domain ("{libvirtSays}"). A virtio disk needs a PCI address, or none so that libvirt assigns one.',
  otherType:
    'Disk {dev} is on bus {bus} but has a {type} address: libvirt refuses the domain ("{libvirtSays}"). A {bus} disk needs a drive address, or none so that libvirt assigns one.',
  otherTypeVowel:
    'Disk {dev} is on bus {bus} but has a {type} address: libvirt refuses the domain ("{libvirtSays}"). An {bus} disk needs a drive address, or none so that libvirt assigns one.',
  pciAddress:
    'Disk {dev} is on bus {bus} but has a PCI address: libvirt refuses the domain ("{libvirtSays}"). A {bus} disk needs a drive address, or none so that libvirt assigns one.',
  pciAddressVowel:
    'Disk {dev} is on bus {bus} but has a PCI address: libvirt refuses the domain ("{libvirtSays}"). An {bus} disk needs a drive address, or none so that libvirt assigns one.',
  thePciAddress: 'the PCI address',
});

const DRIVE_BUSES = new Set(['ide', 'sata', 'scsi', 'fdc']);

const DRIVE_UNITS: Record<string, number> = { sata: 6, ide: 2, scsi: 7, fdc: 2 };

/** "Replace with drive address controller 0, unit N": the first unit free on controller 0 of that bus. */
function freeDriveAddressFix(disk: Device, bus: string, context: FixContext): Fix[] {
  const used = new Set(
    devicesOfKind(context.model, 'disk')
      .filter((other) => other !== disk && attributeValue(other.target, 'bus') === bus && other.address?.drive?.[0] === 0)
      .map((other) => `${other.address!.drive![1]}:${other.address!.drive![3]}`),
  );
  const buses = bus === 'ide' ? [0, 1] : [0];
  for (const busNumber of buses) {
    for (let unit = 0; unit < (DRIVE_UNITS[bus] ?? 1); unit++) {
      if (used.has(`${busNumber}:${unit}`)) continue;
      const spec = {
        name: 'address',
        attributes: [
          ['type', 'drive'],
          ['controller', '0'],
          ['bus', String(busNumber)],
          ['target', '0'],
          ['unit', String(unit)],
        ] as Array<[string, string]>,
      };
      return [
        {
          title: M.replaceWithDrive({ bus: busNumber, unit }),
          edits: [replaceElement(disk.address!.element, spec, context)],
          preferred: true,
        },
      ];
    }
  }
  return [];
}

export const addressTypeMismatch: Rule = {
  id: 'address-type-mismatch',
  severity: 'error',
  title: "A disk's address type does not fit its bus",
  explanation:
    'A virtio disk is a PCI device and needs a PCI address (or none); an IDE, SATA, SCSI or floppy disk sits ' +
    'on a controller and needs a drive address (or none). Changing only bus= when converting a disk to virtio leaves ' +
    'the old address behind and libvirt refuses the domain ("virtio disk cannot have an address of type \'drive\'").',
  docs: DOCS.addresses,
  check({ model, report }) {
    for (const disk of devicesOfKind(model, 'disk')) {
      const bus = attributeValue(disk.target, 'bus');
      const address = disk.address;
      if (!bus || !address?.type) continue;
      const typeAttr = attribute(address.element, 'type')!;
      const dev = attributeValue(disk.target, 'dev') ?? 'disk';
      const busSpan = valueSpan(attribute(disk.target!, 'bus')!);
      if (bus === 'virtio' && address.type === 'drive') {
        report({
          ...valueSpan(typeAttr),
          message: M.virtioDrive({ dev, libvirtSays: "virtio disk cannot have an address of type 'drive'" }),
          related: [{ ...busSpan, message: "bus='virtio'" }],
          fixes: (context) => {
            const plan = context.planner([disk]).nextEndpointAddress();
            const move = plan
              ? [
                  {
                    title: M.replaceWithPci({ address: formatPciAddress(plan.address) }),
                    edits: pciAddressEdits(disk, plan, context),
                    preferred: true,
                  },
                ]
              : [];
            return [...move, ...removeAddressFix(disk, context)];
          },
        });
      } else if (DRIVE_BUSES.has(bus) && address.type !== 'drive' && address.type !== 'pci') {
        // Another type libvirt does not put such disks on (virtio-serial, ccw, isa…).
        report({
          ...valueSpan(typeAttr),
          message: (/^[aeiou]/.test(bus) ? M.otherTypeVowel : M.otherType)({
            dev,
            bus,
            type: address.type,
            libvirtSays: `Invalid address type '${address.type}' for the disk '${dev}' with the bus type '${bus}'`,
          }),
          related: [{ ...busSpan, message: `bus='${bus}'` }],
          fixes: (context) => [...freeDriveAddressFix(disk, bus, context), ...removeDriveAddressFix(disk, context)],
        });
      } else if (DRIVE_BUSES.has(bus) && address.type === 'pci') {
        report({
          ...valueSpan(typeAttr),
          message: (/^[aeiou]/.test(bus) ? M.pciAddressVowel : M.pciAddress)({
            dev,
            bus,
            libvirtSays: `Invalid address type 'pci' for the disk '${dev}' with the bus type '${bus}'`,
          }),
          related: [
            { ...busSpan, message: `bus='${bus}'` },
            { ...tagSpan(address.element), message: M.thePciAddress() },
          ],
          fixes: (context) => [...freeDriveAddressFix(disk, bus, context), ...removeDriveAddressFix(disk, context)],
        });
      }
    }
  },
};
