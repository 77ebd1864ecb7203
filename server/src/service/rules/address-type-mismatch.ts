import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { tagSpan } from './spans';

const DRIVE_BUSES = new Set(['ide', 'sata', 'scsi', 'fdc']);

export const addressTypeMismatch: Rule = {
  id: 'address-type-mismatch',
  severity: 'error',
  title: "A disk's address type does not fit its bus",
  explanation: 'A virtio disk is a PCI device and needs a PCI address (or none); an IDE, SATA, SCSI or floppy disk sits '
    + 'on a controller and needs a drive address (or none). Changing only bus= when converting a disk to virtio leaves '
    + 'the old address behind and libvirt refuses the domain ("virtio disk cannot have an address of type \'drive\'").',
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
          message: `Disk ${dev} is on bus virtio but has a drive address: a virtio disk needs a PCI address, or none so that libvirt assigns one.`,
          related: [{ ...busSpan, message: "bus='virtio'" }],
        });
      } else if (DRIVE_BUSES.has(bus) && address.type === 'pci') {
        report({
          ...valueSpan(typeAttr),
          message: `Disk ${dev} is on bus ${bus} but has a PCI address: a ${bus} disk needs a drive address, or none so that libvirt assigns one.`,
          related: [{ ...busSpan, message: `bus='${bus}'` }, { ...tagSpan(address.element), message: 'the PCI address' }],
        });
      }
    }
  },
};
