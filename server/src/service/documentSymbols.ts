// The outline: the domain, its main sections, and every device with a label that says what it is
// ("disk vda — virtio, /vm/win.qcow2", "hostdev 27:00.0 — NVIDIA GA106 [GeForce RTX 3060]").

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { HostFacts } from './hostFacts';
import { type Device, type DomainModel, readPciAddress } from './model/domainModel';
import { formatPciAddress } from './model/pciAddress';
import { formatBytes } from './model/sizeUnits';
import type { XmlElement } from './xml/xmlTree';
import { attributeValue, firstChild } from './xml/xmlTree';

/** What a device is, in a few words after its kind and name. */
export function deviceSummary(device: Device, host: HostFacts): { name: string; detail: string } {
  const { element } = device;
  switch (device.kind) {
    case 'disk': {
      const source = attributeValue(device.source, 'file') ?? attributeValue(device.source, 'dev') ?? attributeValue(device.source, 'name');
      const kind = attributeValue(element, 'device') ?? 'disk';
      return {
        name: `${kind} ${attributeValue(device.target, 'dev') ?? ''}`.trim(),
        detail: [device.bus, source].filter(Boolean).join(', '),
      };
    }
    case 'interface': {
      const source =
        attributeValue(device.source, 'bridge') ?? attributeValue(device.source, 'network') ?? attributeValue(device.source, 'dev');
      return {
        name: `interface ${attributeValue(device.model, 'type') ?? device.type ?? ''}`.trim(),
        detail: [source, attributeValue(firstChild(element, 'mac'), 'address')].filter(Boolean).join(', '),
      };
    }
    case 'hostdev': {
      const address = firstChild(device.source, 'address');
      const pci = address && device.type === 'pci' ? readPciAddress(address) : undefined;
      if (!pci) return { name: `hostdev ${device.type ?? ''}`.trim(), detail: '' };
      const hostDevice = host.pciDevices?.find((candidate) => formatPciAddress(candidate.address) === formatPciAddress(pci));
      return { name: `hostdev ${formatPciAddress(pci).slice(5)}`, detail: hostDevice?.name ?? '' };
    }
    case 'controller':
      return {
        name: `controller ${device.type ?? ''} ${attributeValue(element, 'index') ?? ''}`.trim(),
        detail: attributeValue(element, 'model') ?? '',
      };
    default:
      return { name: device.kind, detail: attributeValue(device.model, 'type') ?? attributeValue(element, 'model') ?? device.type ?? '' };
  }
}

export function documentSymbols(document: TextDocument, model: DomainModel, host: HostFacts): DocumentSymbol[] {
  const symbol = (element: XmlElement, name: string, detail: string, kind: SymbolKind, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || element.name,
    detail,
    kind,
    range: { start: document.positionAt(element.start), end: document.positionAt(element.end) },
    selectionRange: { start: document.positionAt(element.start + 1), end: document.positionAt(element.nameEnd) },
    children,
  });
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
