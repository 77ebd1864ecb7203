// `virsh nodedev-dumpxml` of PCI and storage devices read into host facts: ids and names, class, bound driver,
// IOMMU group members and sysfs path; a storage device's block node.

import type { HostPciDevice } from '../../service/hostFacts';
import { type PciAddress, parseCNumber } from '../../service/model/pciAddress';
import { parseXml } from '../../service/xml/xmlParser';
import { attributeValue, childrenNamed, firstChild, textOf, type XmlElement } from '../../service/xml/xmlTree';

const hex = (value: string | undefined, width: number) =>
  value === undefined ? '' : value.replace(/^0x/i, '').toLowerCase().padStart(width, '0');

/** A PCI node device, or undefined when the document is not one. */
export function parsePciNodeDevice(text: string): HostPciDevice | undefined {
  const { root } = parseXml(text);
  const capability = childrenNamed(root, 'capability').find((element) => attributeValue(element, 'type') === 'pci');
  if (root?.name !== 'device' || !capability) return undefined;
  const number = (name: string) => parseCNumber(textOf(firstChild(capability, name)) ?? '');
  const [domain, bus, slot, fn] = [number('domain'), number('bus'), number('slot'), number('function')];
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
  const vendor = firstChild(capability, 'vendor');
  const product = firstChild(capability, 'product');
  const names = [textOf(vendor), textOf(product)].filter(Boolean);
  const group = firstChild(capability, 'iommuGroup');
  const groupNumber = parseCNumber(attributeValue(group, 'number') ?? '');
  return {
    address: { domain, bus, slot, function: fn },
    vendorId: hex(attributeValue(vendor, 'id'), 4),
    deviceId: hex(attributeValue(product, 'id'), 4),
    classCode: hex(textOf(firstChild(capability, 'class')), 6),
    name: names.length ? names.join(' ') : undefined,
    iommuGroup: groupNumber,
    iommuGroupMembers: group
      ? childrenNamed(group, 'address')
          .map(addressOf)
          .filter((a) => a !== undefined)
      : undefined,
    driver: textOf(firstChild(firstChild(root, 'driver'), 'name')),
    sysfsPath: textOf(firstChild(root, 'path')),
  };
}

function addressOf(element: XmlElement): PciAddress | undefined {
  const read = (name: string) => parseCNumber(attributeValue(element, name) ?? '');
  const [domain, bus, slot, fn] = [read('domain'), read('bus'), read('slot'), read('function')];
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
  return { domain, bus, slot, function: fn };
}

/** A storage node device's block node (/dev/sda), or undefined. */
export function parseStorageNodeDevice(text: string): string | undefined {
  const { root } = parseXml(text);
  const capability = childrenNamed(root, 'capability').find((element) => attributeValue(element, 'type') === 'storage');
  return textOf(firstChild(capability, 'block'));
}
