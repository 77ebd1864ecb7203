// Completion that knows the domain and the host: free guest PCI addresses from the planner, the host's PCI
// devices in a hostdev's <source>, and the host's block devices (stable names first) in a block disk's source.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, InsertTextFormat, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Locale } from '../../l10n/locale';
import { messages, type Text } from '../../l10n/message';
import { render } from '../../l10n/render';
import type { CursorContext } from '../cursorContext';
import type { DocumentStyle } from '../edits/documentStyle';
import { insertChild } from '../edits/xmlEdits';
import { attributeText } from '../edits/xmlSnippet';
import { type HostFacts, kernelName } from '../hostFacts';
import { toTextEdit } from '../lspConversions';
import { type DomainModel, deviceOf, devicesOfKind } from '../model/domainModel';
import { formatPciAddress, hexAttribute, type PciAddress, pciAddressNumbers } from '../model/pciAddress';
import { createPciAddressPlanner, pciAddressAttributes } from '../planner/pciAddressPlanner';
import type { XmlDocument, XmlElement } from '../xml/xmlTree';
import { attributeValue } from '../xml/xmlTree';

const M = messages('completion', {
  onNewRootPort: 'on a new pcie-root-port (controller index {bus}, added too)',
  freeSlot: 'a free slot',
  freePciAddress: 'free PCI address {address}',
  freeGuestAddress: 'Free guest PCI address: {where}',
  plannedAddress: 'Chosen by the same planner as the quick fixes: never an address in use, a root port of its own on q35/virt.',
  iommuGroup: 'IOMMU group {group}',
  iommuGroupDriver: 'IOMMU group {group}, driver {driver}',
  noIommuGroup: 'no IOMMU group',
  noIommuGroupDriver: 'no IOMMU group, driver {driver}',
  freeOnBus: 'free on bus {bus}',
  rootBus: 'root bus',
  busFreeSlot: '{bus}: 1 free slot',
  busFreeSlots: '{bus}: {count} free slots',
  busFull: '{bus}: full',
  stableName: 'stable name → {kernelName}',
  kernelName: 'kernel name: may change across reboots',
});

export interface HostCompletionContext {
  readonly document: TextDocument;
  readonly xml: XmlDocument;
  readonly model: DomainModel;
  readonly host: HostFacts;
  readonly style: DocumentStyle;
  readonly range: Range;
  /** The language of the items' details. */
  readonly locale: Locale;
}

const isHostdevSource = (element: XmlElement | undefined) => element?.name === 'source' && element.parent?.name === 'hostdev';

/** domain='0x0000' bus=… as libvirt writes them (with type='pci' first when asked), in the document's quotes. */
function addressAttributes(address: PciAddress, style: DocumentStyle, withType: boolean): string {
  const attributes = withType ? pciAddressAttributes(address) : pciAddressNumbers(address);
  return attributes.map(([name, value]) => attributeText(name, value, style)).join(' ');
}

/** `<addr|` inside a device: the planner's free address first; inside a hostdev's <source>: the host's devices. */
export function addressElementItems(
  context: Extract<CursorContext, { kind: 'element-name' }>,
  host: HostCompletionContext,
): CompletionItem[] {
  if (!'address'.startsWith(context.prefix)) return [];
  if (isHostdevSource(context.parent)) return hostPciItems(host, (address) => `address ${addressAttributes(address, host.style, false)}/>`);
  return plannedAddressItem(context.parent, host, (address) => `address ${addressAttributes(address, host.style, true)}/>$0`, 'address');
}

/** `<address |` inside a device, nothing written but type='pci': the planner's free address, whole. */
export function guestAddressAttributeItems(
  context: Extract<CursorContext, { kind: 'attribute-name' }>,
  host: HostCompletionContext,
): CompletionItem[] {
  if (context.tag !== 'address' || !context.parent || isHostdevSource(context.parent)) return [];
  const typed = context.present.filter((name) => name !== 'type');
  if (typed.length > 0 || (context.element && (attributeValue(context.element, 'type') ?? 'pci') !== 'pci')) return [];
  const withType = !context.present.includes('type');
  return plannedAddressItem(context.parent, host, (address) => addressAttributes(address, host.style, withType), '');
}

function plannedAddressItem(
  parent: XmlElement,
  host: HostCompletionContext,
  insert: (address: PciAddress) => string,
  filterPrefix: string,
): CompletionItem[] {
  const device = deviceOf(host.model, parent);
  if (!device) return [];
  const planned = createPciAddressPlanner(host.model, [device]).nextEndpointAddress();
  if (!planned) return [];
  const additionalTextEdits: TextEdit[] = [];
  const devices = host.model.devicesElement;
  if (planned.newController && devices)
    additionalTextEdits.push(
      toTextEdit(host.document, insertChild(devices, planned.newController, { text: host.xml.text, style: host.style })),
    );
  const where = planned.newController ? M.onNewRootPort({ bus: planned.address.bus }) : M.freeSlot();
  const address = formatPciAddress(planned.address);
  const free = M.freePciAddress({ address });
  // Filtered by the English words whatever the language: what the user types is the XML's.
  const label = filterPrefix ? `${filterPrefix} ${address}` : render(free, host.locale);
  return [
    {
      label,
      filterText: filterPrefix || free.toString(),
      kind: CompletionItemKind.Value,
      detail: render(M.freeGuestAddress({ where }), host.locale),
      documentation: render(M.plannedAddress(), host.locale),
      sortText: '0',
      preselect: true,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: host.range, newText: insert(planned.address) },
      additionalTextEdits,
    },
  ];
}

/** `<address |` in a hostdev's <source>: one item per host PCI device, filling in its whole address. */
export function hostAddressAttributeItems(
  context: Extract<CursorContext, { kind: 'attribute-name' }>,
  host: HostCompletionContext,
): CompletionItem[] {
  if (context.tag !== 'address' || !isHostdevSource(context.parent) || context.present.some((name) => name !== 'type')) return [];
  return hostPciItems(host, (address) => addressAttributes(address, host.style, false));
}

function hostPciItems(host: HostCompletionContext, insert: (address: PciAddress) => string): CompletionItem[] {
  const devices = host.host.pciDevices ?? [];
  return devices.map((device, index) => {
    const address = formatPciAddress(device.address);
    const group = device.iommuGroup;
    const detail =
      group !== undefined
        ? device.driver
          ? M.iommuGroupDriver({ group, driver: device.driver })
          : M.iommuGroup({ group })
        : device.driver
          ? M.noIommuGroupDriver({ driver: device.driver })
          : M.noIommuGroup();
    return {
      label: `${address} ${device.name ?? `${device.vendorId}:${device.deviceId}`}`,
      filterText: `address ${address} ${device.name ?? ''}`,
      kind: CompletionItemKind.Value,
      detail: render(detail, host.locale),
      sortText: String(index).padStart(4, '0'),
      textEdit: { range: host.range, newText: insert(device.address) },
    };
  });
}

/** Values of a guest <address type='pci'>: free slots on its bus, buses that have free slots. */
export function guestAddressValueItems(
  context: Extract<CursorContext, { kind: 'attribute-value' }>,
  host: HostCompletionContext,
): CompletionItem[] {
  const device = deviceOf(host.model, context.parent);
  if (context.tag !== 'address' || !device || (context.present.get('type') ?? 'pci') !== 'pci') return [];
  const planner = createPciAddressPlanner(host.model, [device]);
  if (context.attribute === 'slot') {
    const bus = Number(context.present.get('bus') ?? 0);
    if (!Number.isInteger(bus)) return [];
    return planner.freeSlots(bus).map((slot, index) => ({
      label: hexAttribute(slot, 2),
      kind: CompletionItemKind.Value,
      detail: render(M.freeOnBus({ bus: hexAttribute(bus, 2) }), host.locale),
      sortText: `0${String(index).padStart(3, '0')}`,
      textEdit: { range: host.range, newText: hexAttribute(slot, 2) },
    }));
  }
  if (context.attribute === 'bus') {
    // Bus 0, then one per PCI controller that provides a bus.
    const controllers = devicesOfKind(host.model, 'controller').filter((d) => d.type === 'pci' && d.index !== undefined && d.index > 0);
    const buses: Array<[number, Text]> = [
      [0, M.rootBus()],
      ...controllers.map((d): [number, Text] => [d.index!, attributeValue(d.element, 'model') ?? 'pci']),
    ];
    return buses.map(([bus, model]) => {
      const free = planner.freeSlots(bus).length;
      return {
        label: hexAttribute(bus, 2),
        kind: CompletionItemKind.Value,
        detail: render(
          free === 0 ? M.busFull({ bus: model }) : free === 1 ? M.busFreeSlot({ bus: model }) : M.busFreeSlots({ bus: model, count: free }),
          host.locale,
        ),
        sortText: `${free ? 0 : 1}${String(bus).padStart(3, '0')}`,
        textEdit: { range: host.range, newText: hexAttribute(bus, 2) },
      };
    });
  }
  return [];
}

/** `<source dev='|'>` of a block disk: the host's block devices, stable names first. */
export function blockDeviceItems(
  context: Extract<CursorContext, { kind: 'attribute-value' }>,
  host: HostCompletionContext,
): CompletionItem[] {
  if (context.tag !== 'source' || context.attribute !== 'dev' || context.parent?.name !== 'disk') return [];
  const type = attributeValue(context.parent, 'type');
  if (type !== undefined && type !== 'block') return [];
  return (host.host.blockDevices ?? []).map((device, index) => ({
    label: device.path,
    kind: CompletionItemKind.File,
    detail: render(device.stable ? M.stableName({ kernelName: kernelName(device) }) : M.kernelName(), host.locale),
    sortText: `${device.stable ? 0 : 1}${String(index).padStart(5, '0')}`,
    textEdit: { range: host.range, newText: device.path },
  }));
}
