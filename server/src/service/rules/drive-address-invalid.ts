import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('drive-address-invalid', {
  noPlace: '{name}=\'{value}\' in the drive address of disk {dev}: libvirt refuses the domain ("{libvirtSays}").',
  changeToZero: "Change to {name}='0'",
});

/** What a disk bus's drive address allows (libvirt's qemuValidateDomainDeviceDefAddressDrive): attribute → message. */
const LIMITS: Readonly<Record<string, ReadonlyArray<readonly [name: 'controller' | 'bus' | 'target', says: string]>>> = {
  scsi: [['bus', 'SCSI controller only supports 1 bus']],
  ide: [
    ['controller', 'Only 1 IDE controller is supported'],
    ['target', 'target must be 0 for ide controller'],
  ],
  fdc: [
    ['controller', 'Only 1 fdc controller is supported'],
    ['bus', 'Only 1 fdc bus is supported'],
    ['target', 'target must be 0 for controller fdc'],
  ],
  sata: [
    ['bus', 'bus must be 0 for sata controller'],
    ['target', 'target must be 0 for sata controller'],
  ],
};
const POSITION = { controller: 0, bus: 1, target: 2 } as const;

export const driveAddressInvalid: Rule = {
  id: 'drive-address-invalid',
  severity: 'error',
  title: 'A drive address its bus has no place for (a second IDE controller, a SATA or SCSI bus other than 0, a target other than 0)',
  explanation:
    "A disk's <address type='drive'> names controller, bus, target and unit; QEMU has one IDE controller and one fdc, " +
    'one bus on SATA, SCSI and fdc controllers, and target 0 on IDE, SATA and fdc. libvirt refuses the rest ("bus must ' +
    'be 0 for sata controller", "target must be 0 for ide controller", "Only 1 IDE controller is supported"…). ' +
    'Remove the address to have one assigned.',
  docs: DOCS.addresses,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    for (const disk of devicesOfKind(model, 'disk')) {
      const drive = disk.address?.type === 'drive' ? disk.address.drive : undefined;
      const limits = LIMITS[attributeValue(disk.target, 'bus') ?? ''];
      if (!drive || !limits) continue;
      // libvirt reports the first it finds, in this order.
      const broken = limits.find(([name]) => (drive[POSITION[name]] ?? 0) !== 0);
      if (!broken) continue;
      const [name, says] = broken;
      const attr = attribute(disk.address!.element, name);
      report({
        ...(attr ? valueSpan(attr) : nameSpan(disk.address!.element)),
        message: M.noPlace({ name, value: drive[POSITION[name]], dev: attributeValue(disk.target, 'dev') ?? '', libvirtSays: says }),
        fixes: attr
          ? () => [
              { title: M.changeToZero({ name }), edits: [{ start: attr.valueStart, end: attr.valueEnd, newText: '0' }], preferred: true },
            ]
          : undefined,
      });
    }
  },
};
