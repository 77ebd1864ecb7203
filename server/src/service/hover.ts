// Hover: memory sizes in human units, a guest PCI address's slot (what else is there, which controller provides
// the bus) and a host PCI address's device (name, IOMMU group, driver, from the host facts).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import type { Locale } from '../l10n/locale';
import { messages, type Text } from '../l10n/message';
import { render } from '../l10n/render';
import type { AnalysedDocument } from './analysedDocument';
import { type HostFacts, hostPciDeviceAt } from './hostFacts';
import { deviceLabel } from './model/deviceLabel';
import { type DomainModel, readPciAddress } from './model/domainModel';
import { formatPciAddress, IMPLICIT_PCI_DEVICES, MACHINE_FAMILY_LABEL } from './model/pciAddress';
import { formatBytes, parseSize } from './model/sizeUnits';
import { networkHover } from './network/networkHover';
import { paragraphs, schemaDocsHover } from './schema/schemaHover';
import type { XmlElement } from './xml/xmlTree';
import { attributeValue, elementAt } from './xml/xmlTree';

const M = messages('hover', {
  hostPciDevice: '**Host PCI device {address}**',
  notOnHost: '(not found on this host)',
  iommuGroup: 'IOMMU group {group}',
  iommuGroupDriver: 'IOMMU group {group}, driver {driver}',
  guestPciAddress: '**Guest PCI address {address}**',
  rootBus: 'bus 0 is the {root} of {machines}',
  busOfController: 'bus {bus} is provided by controller index {bus} ({model})',
  busOfNoController: 'no controller in this file provides bus {bus} (libvirt adds one at define)',
  atFunction: '{device} at .{function}',
  alsoOnSlot: 'Also on this slot: {devices}',
  slotSeparator: '; ',
  nothingElseOnSlot: 'Nothing else on this slot.',
});

const SIZE_ELEMENTS = new Set(['memory', 'currentMemory', 'maxMemory']);

/** The hover at `offset`, in `locale`: what this document and the host say of it, then the schema's documentation. */
export function hoverAt(
  document: TextDocument,
  analysed: AnalysedDocument,
  host: HostFacts,
  offset: number,
  locale: Locale = 'en',
): Hover | null {
  const { kind, definition, model } = analysed;
  if (!kind || !definition) return null;
  const element = elementAt(definition.root, offset);
  if (!element) return null;
  const range = { start: document.positionAt(element.start), end: document.positionAt(element.end) };
  const specific = model
    ? specificHover(element, model, host, range, locale)
    : kind.id === 'network'
      ? networkHover(element, range, locale)
      : null;
  const docs = schemaDocsHover(kind.guide, document, element, offset, locale);
  if (!specific) return docs;
  if (!docs) return specific;
  const value = (hover: Hover) => (hover.contents as { value: string }).value;
  return { contents: { kind: 'markdown', value: `${value(specific)}\n\n---\n\n${value(docs)}` }, range: docs.range };
}

function specificHover(element: XmlElement, model: DomainModel, host: HostFacts, range: Hover['range'], locale: Locale): Hover | null {
  if (SIZE_ELEMENTS.has(element.name) && element.parent === model.root) {
    const unit = attributeValue(element, 'unit');
    const size = parseSize(element.text, unit);
    if ('bytes' in size)
      return {
        contents: {
          kind: 'markdown',
          value: `**${element.name}**: ${element.text.trim()} ${unit ?? 'KiB'} = **${formatBytes(size.bytes)}**`,
        },
        range,
      };
  }
  if (element.name === 'address') return addressHover(element, model, host, range, locale);
  return null;
}

function addressHover(address: XmlElement, model: DomainModel, host: HostFacts, range: Hover['range'], locale: Locale): Hover | null {
  const pci = readPciAddress(address);
  if (!pci) return null;
  const key = formatPciAddress(pci);
  if (address.parent?.name === 'source') {
    const device = hostPciDeviceAt(host, pci);
    const lines: Text[] = [M.hostPciDevice({ address: key }), device?.name ?? M.notOnHost()];
    if (device?.iommuGroup !== undefined)
      lines.push(
        device.driver
          ? M.iommuGroupDriver({ group: device.iommuGroup, driver: device.driver })
          : M.iommuGroup({ group: device.iommuGroup }),
      );
    return { contents: { kind: 'markdown', value: paragraphs(lines, locale) }, range };
  }
  const sameSlot = model.devices.filter(
    (device) =>
      device.address?.pci &&
      device.address.element !== address &&
      device.address.pci.domain === pci.domain &&
      device.address.pci.bus === pci.bus &&
      device.address.pci.slot === pci.slot,
  );
  const implicit = IMPLICIT_PCI_DEVICES[model.os.machineFamily].filter((d) => d.address.bus === pci.bus && d.address.slot === pci.slot);
  const controller = model.devices.find((device) => device.kind === 'controller' && device.type === 'pci' && device.index === pci.bus);
  const bus =
    pci.bus === 0
      ? M.rootBus({
          root: model.os.machineFamily === 'i440fx' ? 'pci-root' : 'pcie-root',
          machines: MACHINE_FAMILY_LABEL[model.os.machineFamily],
        })
      : controller
        ? M.busOfController({ bus: pci.bus, model: attributeValue(controller.element, 'model') ?? 'pci' })
        : M.busOfNoController({ bus: pci.bus });
  const others = [
    ...sameSlot.map((device) => M.atFunction({ device: deviceLabel(device), function: device.address!.pci!.function })),
    ...implicit.map((d) => M.atFunction({ device: d.what, function: d.address.function })),
  ];
  const lines = [
    M.guestPciAddress({ address: key }),
    bus,
    others.length
      ? M.alsoOnSlot({ devices: others.map((other) => render(other, locale)).join(render(M.slotSeparator(), locale)) })
      : M.nothingElseOnSlot(),
  ];
  return { contents: { kind: 'markdown', value: paragraphs(lines, locale) }, range };
}
