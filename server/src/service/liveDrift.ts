// Drift between a workspace file and the live definition of the domain it names: what the file has that the live
// definition lacks or has otherwise (compareDefinedDomain, which knows libvirt's rewrites), and what the live
// definition has that the file lacks — leaving out what libvirt adds by itself to every definition (addresses,
// aliases, default controllers and pcie-root-ports, memballoon, the PS/2 inputs, defaults it writes out).

import { compareDefinedDomain, counterpartOf, type DefinedDifference, label } from './definedDomainDiff';
import { parseXml } from './xml/xmlParser';
import { attributeValue, type XmlElement } from './xml/xmlTree';

export interface LivePart {
  /** Where in the live definition: domain/devices/hostdev. */
  readonly path: string;
  readonly detail: string;
}

export interface Drift {
  /** Nothing but what libvirt adds or rewrites by itself differs. */
  readonly same: boolean;
  /** What the file has that the live definition lacks or has otherwise. */
  readonly inFile: readonly DefinedDifference[];
  /** What the live definition has that the file lacks (libvirt's own additions left out). */
  readonly inLive: readonly LivePart[];
  /** The live XML without libvirt's own additions, for a diff that shows only real differences. */
  readonly liveWithoutAdditions: string;
}

/** Elements libvirt writes into every stored definition when the file has none, by parent (or anywhere: '*'). */
const ADDED: ReadonlyArray<readonly [parent: string, element: string]> = [
  ['*', 'address'],
  ['*', 'alias'],
  ['domain', 'uuid'],
  ['domain', 'currentMemory'],
  ['domain', 'clock'],
  ['domain', 'on_poweroff'],
  ['domain', 'on_reboot'],
  ['domain', 'on_crash'],
  ['domain', 'seclabel'],
  ['domain', 'resource'],
  ['os', 'boot'],
  ['devices', 'emulator'],
  ['devices', 'memballoon'],
  ['devices', 'audio'],
  ['disk', 'driver'],
  ['interface', 'mac'],
  ['graphics', 'listen'],
  ['video', 'model'],
  ['controller', 'model'],
  ['controller', 'target'],
  ['serial', 'target'],
  ['console', 'target'],
  ['channel', 'target'],
  ['target', 'model'],
  ['cpu', 'model'],
];
/** Controllers libvirt adds for the buses its devices need. */
const ADDED_CONTROLLERS = new Set(['pci', 'usb', 'sata', 'ide', 'fdc', 'virtio-serial']);

function addedByLibvirt(element: XmlElement, file: XmlElement): boolean {
  const parent = element.parent?.name ?? '';
  if (ADDED.some(([p, name]) => name === element.name && (p === '*' || p === parent))) return true;
  if (element.name === 'controller') return ADDED_CONTROLLERS.has(attributeValue(element, 'type') ?? '');
  if (element.name === 'input') return attributeValue(element, 'bus') === 'ps2';
  // The console libvirt pairs with the first serial port, and the serial port it gives a console of its own.
  if (element.name === 'console') return attributeValue(firstDescendant(element, 'target'), 'type') === 'serial';
  // A display gets the default video device when the file names none.
  if (element.name === 'video' && parent === 'devices') {
    const devices = file.children.find((c) => c.name === 'devices');
    return !!devices?.children.some((c) => c.name === 'graphics') && !devices.children.some((c) => c.name === 'video');
  }
  if (element.name === 'serial' && parent === 'devices') {
    const devices = file.children.find((c) => c.name === 'devices');
    return !!devices?.children.some((c) => c.name === 'console') && !devices.children.some((c) => c.name === 'serial');
  }
  // The CPU libvirt writes for a domain that named none (check='none', the hypervisor's default model).
  if (element.name === 'cpu' && parent === 'domain')
    return attributeValue(element, 'check') === 'none' && !file.children.some((c) => c.name === 'cpu');
  return false;
}

function firstDescendant(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

export function driftBetween(fileText: string, liveText: string): Drift {
  const file = parseXml(fileText).root;
  const live = parseXml(liveText).root;
  const inLive: LivePart[] = [];
  const removals: Array<{ start: number; end: number }> = [];
  if (file && live) walk(live, file, live.name, file, inLive, removals);
  const inFile = file && live ? compareDefinedDomain(fileText, liveText) : [];
  return {
    same: inFile.length === 0 && inLive.length === 0,
    inFile,
    inLive,
    liveWithoutAdditions: withoutSpans(liveText, removals),
  };
}

function walk(
  live: XmlElement,
  file: XmlElement,
  path: string,
  fileRoot: XmlElement,
  out: LivePart[],
  removals: Array<{ start: number; end: number }>,
): void {
  const used = new Set<XmlElement>();
  for (const child of live.children) {
    const match = counterpartOf(child, live, file, used);
    if (match) {
      used.add(match);
      walk(child, match, `${path}/${label(child)}`, fileRoot, out, removals);
      continue;
    }
    if (addedByLibvirt(child, fileRoot)) removals.push({ start: child.start, end: child.end });
    else out.push({ path: `${path}/${label(child)}`, detail: `<${child.name}${describe(child)}> is only in the live definition` });
  }
}

function describe(element: XmlElement): string {
  const shown = element.attributes.slice(0, 2).map((a) => ` ${a.name}='${a.value}'`);
  return shown.join('');
}

/** The text without the spans, each taking its whole lines when it stands alone on them. */
function withoutSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let result = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    let start = span.start;
    let end = span.end;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd))) {
      start = lineStart;
      end = lineEnd === -1 ? text.length : lineEnd + 1;
    }
    result += text.slice(at, start);
    at = end;
  }
  return result + text.slice(at);
}
