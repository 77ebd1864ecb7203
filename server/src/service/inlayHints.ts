// Inlay hints: human sizes after memory values ("= 8 GiB") and host device names after hostdev source addresses.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { type HostFacts, hostPciDeviceAt } from './hostFacts';
import { type DomainModel, readPciAddress } from './model/domainModel';
import { formatBytes } from './model/sizeUnits';
import { firstChild } from './xml/xmlTree';

export function inlayHints(document: TextDocument, model: DomainModel, host: HostFacts, range: Range): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const size of [model.memory, model.currentMemory, model.maxMemory]) {
    if (!size || !('bytes' in size.size) || size.element.textEnd < 0) continue;
    if (size.element.textEnd < from || size.element.textEnd > to) continue;
    hints.push({ position: document.positionAt(size.element.textEnd), label: ` = ${formatBytes(size.size.bytes)}`, paddingLeft: false });
  }
  for (const device of model.devices) {
    if (device.kind !== 'hostdev' || device.type !== 'pci') continue;
    const address = firstChild(device.source, 'address');
    const pci = address ? readPciAddress(address) : undefined;
    const name = pci && hostPciDeviceAt(host, pci)?.name;
    if (!address || !name || address.end < from || address.end > to) continue;
    hints.push({ position: document.positionAt(address.end), label: name, paddingLeft: true });
  }
  return hints;
}
