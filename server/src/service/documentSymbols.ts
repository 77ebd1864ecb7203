// The outline: the domain, its main sections, and every device with a label that says what it is
// ("disk vda — virtio, /vm/win.qcow2", "hostdev 27:00.0 — NVIDIA GA106 [GeForce RTX 3060]").

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { HostFacts } from './hostFacts';
import { deviceSummary } from './model/deviceLabel';
import type { DomainModel } from './model/domainModel';
import { formatBytes } from './model/sizeUnits';
import type { XmlElement } from './xml/xmlTree';

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
