// Hover: memory sizes in human units, a guest PCI address's slot (what else is there, which controller provides
// the bus) and a host PCI address's device (name, IOMMU group, driver, from the host facts).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import type { AnalysedDocument } from './analysedDocument';
import { type HostFacts, hostPciDeviceAt } from './hostFacts';
import { deviceLabel } from './model/deviceLabel';
import { type DomainModel, readPciAddress } from './model/domainModel';
import { formatPciAddress, IMPLICIT_PCI_DEVICES, MACHINE_FAMILY_LABEL } from './model/pciAddress';
import { formatBytes, parseSize } from './model/sizeUnits';
import { networkHover } from './network/networkHover';
import { schemaDocsHover } from './schema/schemaHover';
import type { XmlElement } from './xml/xmlTree';
import { attributeValue, elementAt } from './xml/xmlTree';

const SIZE_ELEMENTS = new Set(['memory', 'currentMemory', 'maxMemory']);

export function hoverAt(document: TextDocument, analysed: AnalysedDocument, host: HostFacts, offset: number): Hover | null {
  const { kind, definition, model } = analysed;
  if (!kind || !definition) return null;
  const element = elementAt(definition.root, offset);
  if (!element) return null;
  const range = { start: document.positionAt(element.start), end: document.positionAt(element.end) };
  const specific = model ? specificHover(element, model, host, range) : kind.id === 'network' ? networkHover(element, range) : null;
  const docs = schemaDocsHover(kind.guide, document, element, offset);
  if (!specific) return docs;
  if (!docs) return specific;
  const value = (hover: Hover) => (hover.contents as { value: string }).value;
  return { contents: { kind: 'markdown', value: `${value(specific)}\n\n---\n\n${value(docs)}` }, range: docs.range };
}

function specificHover(element: XmlElement, model: DomainModel, host: HostFacts, range: Hover['range']): Hover | null {
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
  if (element.name === 'address') return addressHover(element, model, host, range);
  return null;
}

function addressHover(address: XmlElement, model: DomainModel, host: HostFacts, range: Hover['range']): Hover | null {
  const pci = readPciAddress(address);
  if (!pci) return null;
  const key = formatPciAddress(pci);
  if (address.parent?.name === 'source') {
    const device = hostPciDeviceAt(host, pci);
    const lines = [`**Host PCI device ${key}**`, device?.name ?? '(not found on this host)'];
    if (device?.iommuGroup !== undefined) lines.push(`IOMMU group ${device.iommuGroup}${device.driver ? `, driver ${device.driver}` : ''}`);
    return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
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
      ? `bus 0 is the ${model.os.machineFamily === 'i440fx' ? 'pci-root' : 'pcie-root'} of ${MACHINE_FAMILY_LABEL[model.os.machineFamily]}`
      : controller
        ? `bus ${pci.bus} is provided by controller index ${pci.bus} (${attributeValue(controller.element, 'model') ?? 'pci'})`
        : `no controller in this file provides bus ${pci.bus} (libvirt adds one at define)`;
  const others = [
    ...sameSlot.map((device) => `${deviceLabel(device)} at .${device.address!.pci!.function}`),
    ...implicit.map((d) => `${d.what} at .${d.address.function}`),
  ];
  const lines = [
    `**Guest PCI address ${key}**`,
    bus,
    others.length ? `Also on this slot: ${others.join('; ')}` : 'Nothing else on this slot.',
  ];
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
}
