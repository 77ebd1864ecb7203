import { messages } from '../../l10n/message';
import { moveToFreePciAddress, removeAddressFix } from '../fixes/pciAddressFixes';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import type { Device } from '../model/domainModel';
import { formatPciAddress, IMPLICIT_PCI_DEVICES, type ImplicitPciDevice, MACHINE_FAMILY_LABEL, pciKey } from '../model/pciAddress';
import { duplicates, groupBy, listWithMore, othersIn } from '../validation/grouping';
import { attributeOrTagSpan, tagSpan } from '../validation/spans';
import { attributeValue } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('pci-address-conflict', {
  alsoUsedBy: 'PCI address {address} is also used by {devices}: libvirt refuses the domain ("{libvirtSays}").',
  otherAlsoAt: '{device} is also at {address}',
  builtIn: 'PCI address {address} is used by {builtIn}, built into {machines} machines: libvirt refuses the domain ("{libvirtSays}").',
  machineType: 'machine type {machine}',
  machineTypeDefault: 'machine type (default)',
});

export const pciAddressConflict: Rule = {
  id: 'pci-address-conflict',
  severity: 'error',
  title: 'Two devices, or a device and the machine type, use the same PCI address',
  explanation:
    'Each PCI domain:bus:slot.function holds one device. libvirt refuses the domain with "Attempted double use ' +
    'of PCI Address", also when the address belongs to a device the machine type has built in (i440fx: the PIIX3 ' +
    'functions at 00:01.x; q35: 00:1f.0, 00:1f.2, 00:1f.3). This usually happens when a disk or NIC is converted to ' +
    'virtio and given a slot by hand. An address of 0000:00:00 is not checked: libvirt treats it as "assign one".',
  docs: DOCS.addresses,
  check({ model, report }) {
    // A <console> of target type serial is the first <serial> itself and repeats its address.
    const byAddress = groupBy(model.devices, (device) =>
      device.address?.pci && device.kind !== 'console' ? pciKey(device.address.pci) : undefined,
    );
    for (const [key, devices] of duplicates(byAddress)) {
      for (const device of devices) {
        const { shown: others, more } = othersIn(devices, device);
        report({
          ...attributeOrTagSpan(device.address!.element, 'slot'),
          message: M.alsoUsedBy({
            address: key,
            devices: listWithMore(others.map(deviceLabel), more),
            libvirtSays: `Attempted double use of PCI Address ${key}`,
          }),
          related: others.map((other) => ({
            ...attributeOrTagSpan(other.address!.element, 'slot'),
            message: M.otherAlsoAt({ device: deviceLabel(other), address: key }),
          })),
          fixes: (context) => [...moveToFreePciAddress(device, context), ...removeAddressFix(device, context)],
        });
      }
    }
    for (const implicit of IMPLICIT_PCI_DEVICES[model.os.machineFamily]) {
      const key = pciKey(implicit.address);
      for (const device of byAddress.get(key) ?? []) {
        if (isBuiltInController(device, implicit)) continue;
        report({
          ...attributeOrTagSpan(device.address!.element, 'slot'),
          message: M.builtIn({
            address: formatPciAddress(implicit.address),
            builtIn: implicit.what,
            machines: MACHINE_FAMILY_LABEL[model.os.machineFamily],
            libvirtSays: `Attempted double use of PCI Address ${key}`,
          }),
          related: model.os.typeElement
            ? [
                {
                  ...tagSpan(model.os.typeElement),
                  message: model.os.machine !== undefined ? M.machineType({ machine: model.os.machine }) : M.machineTypeDefault(),
                },
              ]
            : undefined,
          fixes: (context) => [...moveToFreePciAddress(device, context), ...removeAddressFix(device, context)],
        });
      }
    }
  },
};

/** The explicit <controller> that stands for the built-in device (e.g. q35's SATA controller index 0 at 00:1f.2). */
function isBuiltInController(device: Device, implicit: ImplicitPciDevice): boolean {
  const owner = implicit.owner;
  if (!owner || device.kind !== 'controller' || device.type !== owner.type) return false;
  if (Number(attributeValue(device.element, 'index') ?? '0') !== owner.index) return false;
  return owner.models.includes(attributeValue(device.element, 'model'));
}
