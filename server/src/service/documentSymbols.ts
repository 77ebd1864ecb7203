// The outline: the domain, its main sections, and every device with a label that says what it is
// ("disk vda — virtio, /vm/win.qcow2", "hostdev 27:00.0 — NVIDIA GA106 [GeForce RTX 3060]"); a network, pool or
// volume with its parts and what each sets (forward nat, ip 192.168.100.1/24, target /var/lib/libvirt/images).

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Locale } from '../l10n/locale';
import { messages, type Text } from '../l10n/message';
import { render } from '../l10n/render';
import type { AnalysedDocument } from './analysedDocument';
import type { HostFacts } from './hostFacts';
import { deviceSummary } from './model/deviceLabel';
import type { DomainModel } from './model/domainModel';
import { formatBytes } from './model/sizeUnits';
import { attributeValue, firstChild, textOf, type XmlElement } from './xml/xmlTree';

const M = messages('outline', {
  bytes: '{size} bytes',
});

type SymbolMaker = (element: XmlElement, name: string, detail: Text, kind: SymbolKind, children?: DocumentSymbol[]) => DocumentSymbol;

/** The outline, its details in `locale`. */
export function documentSymbols(
  document: TextDocument,
  analysed: AnalysedDocument,
  host: HostFacts,
  locale: Locale = 'en',
): DocumentSymbol[] {
  const symbol: SymbolMaker = (element, name, detail, kind, children) => ({
    name: name || element.name,
    detail: render(detail, locale),
    kind,
    range: { start: document.positionAt(element.start), end: document.positionAt(element.end) },
    selectionRange: { start: document.positionAt(element.start + 1), end: document.positionAt(element.nameEnd) },
    children,
  });
  if (analysed.model) return domainSymbols(analysed.model, host, symbol);
  if (!analysed.kind || !analysed.definition) return [];
  const root = analysed.definition.root;
  const name = textOf(firstChild(root, 'name'));
  const type = attributeValue(root, 'type');
  return [
    symbol(
      root,
      `${root.name} ${name ?? ''}`.trim(),
      type ?? '',
      SymbolKind.Class,
      root.children.filter((child) => child.name !== 'name').map((child) => partSymbol(child, symbol)),
    ),
  ];
}

/** What a part of a network, pool or volume sets, in a few words. */
const PART_DETAILS: Record<string, (element: XmlElement) => Text> = {
  forward: (e) => [attributeValue(e, 'mode') ?? 'nat', attributeValue(e, 'dev')].filter(Boolean).join(', '),
  bridge: (e) => attributeValue(e, 'name') ?? '',
  ip: (e) => {
    const address = attributeValue(e, 'address') ?? '';
    const prefix = attributeValue(e, 'prefix');
    const netmask = attributeValue(e, 'netmask');
    return prefix ? `${address}/${prefix}` : netmask ? `${address} ${netmask}` : address;
  },
  range: (e) => `${attributeValue(e, 'start') ?? ''} – ${attributeValue(e, 'end') ?? ''}`,
  host: (e) =>
    [attributeValue(e, 'name'), attributeValue(e, 'mac') ?? attributeValue(e, 'id'), attributeValue(e, 'ip')].filter(Boolean).join(', '),
  target: (e) => textOf(firstChild(e, 'path')) ?? attributeValue(firstChild(e, 'format'), 'type') ?? '',
  source: (e) =>
    [
      attributeValue(firstChild(e, 'host'), 'name'),
      attributeValue(firstChild(e, 'dir'), 'path'),
      attributeValue(firstChild(e, 'device'), 'path'),
      textOf(firstChild(e, 'name')),
    ]
      .filter(Boolean)
      .join(', '),
  capacity: (e) => sizeDetail(e),
  allocation: (e) => sizeDetail(e),
  mtu: (e) => attributeValue(e, 'size') ?? '',
  domain: (e) => attributeValue(e, 'name') ?? '',
};

/** A volume's size as written: its unit, or bytes without one. */
function sizeDetail(element: XmlElement): Text {
  const unit = attributeValue(element, 'unit');
  return unit !== undefined ? `${element.text.trim()} ${unit}` : M.bytes({ size: element.text.trim() });
}

/** Parts that hold parts of their own in the outline. */
const NESTED_PARTS = new Set(['ip', 'dhcp', 'dns', 'forward']);

function partSymbol(element: XmlElement, symbol: SymbolMaker): DocumentSymbol {
  const children = NESTED_PARTS.has(element.name) ? element.children.map((child) => partSymbol(child, symbol)) : undefined;
  const detail = PART_DETAILS[element.name]?.(element) ?? (element.children.length ? '' : element.text.trim().slice(0, 60));
  return symbol(
    element,
    element.name,
    detail,
    children?.length ? SymbolKind.Module : SymbolKind.Property,
    children?.length ? children : undefined,
  );
}

function domainSymbols(model: DomainModel, host: HostFacts, symbol: SymbolMaker): DocumentSymbol[] {
  const sections: DocumentSymbol[] = [];
  const memory = model.memory && 'bytes' in model.memory.size ? formatBytes(model.memory.size.bytes) : '';
  if (model.memory) sections.push(symbol(model.memory.element, 'memory', memory, SymbolKind.Number));
  if (model.vcpu) sections.push(symbol(model.vcpu.element, 'vcpu', String(model.vcpu.maximum ?? ''), SymbolKind.Number));
  if (model.os.element)
    sections.push(
      symbol(model.os.element, 'os', [model.os.arch, model.os.machine, model.os.firmware].filter(Boolean).join(', '), SymbolKind.Module),
    );
  if (model.features.element)
    sections.push(
      symbol(model.features.element, 'features', model.features.element.children.map((c) => c.name).join(', '), SymbolKind.Module),
    );
  if (model.cpu.element) sections.push(symbol(model.cpu.element, 'cpu', model.cpu.mode ?? '', SymbolKind.Module));
  if (model.devicesElement) {
    const devices = model.devices
      .filter((device) => device.kind !== 'emulator')
      .map((device) => {
        const { name, detail } = deviceSummary(device, host);
        return symbol(device.element, name, detail, device.kind === 'controller' ? SymbolKind.Interface : SymbolKind.Object);
      });
    sections.push(symbol(model.devicesElement, 'devices', `${devices.length}`, SymbolKind.Array, devices));
  }
  return [
    symbol(
      model.root,
      `domain ${model.name ?? ''}`.trim(),
      [model.type?.value, model.os.arch].filter(Boolean).join(', '),
      SymbolKind.Class,
      sections,
    ),
  ];
}
