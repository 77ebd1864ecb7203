// Drift between a workspace file and the live definition of the domain it names: what the file has that the live
// definition lacks or has otherwise (compareDefinedDomain, which knows libvirt's rewrites), and what the live
// definition has that the file lacks — leaving out what libvirt adds by itself to every definition (addresses,
// aliases, default controllers and pcie-root-ports, memballoon, the PS/2 inputs, defaults it writes out).

import { messages, type Text } from '../l10n/message';
import { compareDefinedDomain, counterpartOf, type DefinedDifference, label } from './definedDomainDiff';
import { parseSize } from './model/sizeUnits';
import { parseXml } from './xml/xmlParser';
import { attributeValue, firstChild, type XmlElement } from './xml/xmlTree';

const M = messages('live-drift', {
  onlyLive: '<{element}{attributes}> is only in the live definition',
});

export interface LivePart {
  /** Where in the live definition: domain/devices/hostdev. */
  readonly path: string;
  readonly detail: Text;
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
  if (element.name === 'console') return attributeValue(firstChild(element, 'target'), 'type') === 'serial';
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

export function driftBetween(fileText: string, liveText: string): Drift {
  const file = parseXml(fileText).root;
  const live = parseXml(liveText).root;
  const inLive: LivePart[] = [];
  const removals: Edit[] = [];
  if (file && live) walk(live, file, live.name, { root: file, text: fileText }, inLive, removals);
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
  fileDocument: { readonly root: XmlElement; readonly text: string },
  out: LivePart[],
  removals: Edit[],
): void {
  const used = new Set<XmlElement>();
  for (const child of live.children) {
    const match = counterpartOf(child, live, file, used);
    if (match) {
      used.add(match);
      const before = removals.length;
      walk(child, match, `${path}/${label(child)}`, fileDocument, out, removals);
      const rewritten = inFileSpelling(child, match, removals.length - before === child.children.length, fileDocument.text);
      if (rewritten !== undefined) {
        // The whole element in the file's spelling: what its children's removals did is part of it.
        removals.splice(before);
        removals.push({ start: child.start, end: child.end, newText: rewritten });
      }
      continue;
    }
    if (addedByLibvirt(child, fileDocument.root)) removals.push({ start: child.start, end: child.end });
    else out.push({ path: `${path}/${label(child)}`, detail: M.onlyLive({ element: child.name, attributes: describe(child) }) });
  }
}

function describe(element: XmlElement): string {
  const shown = element.attributes.slice(0, 2).map((a) => ` ${a.name}='${a.value}'`);
  return shown.join('');
}

interface Edit {
  readonly start: number;
  readonly end: number;
  /** Replacement text; a removal when absent. */
  readonly newText?: string;
}

/** Attribute values libvirt writes out where the file said nothing. */
const WRITTEN_DEFAULTS: ReadonlyArray<readonly [element: string, attribute: string, value: string]> = [
  ['vcpu', 'placement', 'static'],
  ['graphics', 'autoport', 'yes'],
  ['model', 'primary', 'yes'],
];
const SIZES = new Set(['memory', 'currentMemory', 'maxMemory']);
const MACHINE_FAMILIES: Readonly<Record<string, string>> = { q35: 'pc-q35-', pc: 'pc-i440fx-', virt: 'virt-' };

/**
 * A live element that means what the file's does but is spelled otherwise — a size in other units, the machine
 * type an alias resolved to, defaults written out, children that were all libvirt's — in the file's spelling;
 * undefined when it differs in substance (then the diff shows it as it is).
 */
function inFileSpelling(live: XmlElement, file: XmlElement, childrenAllAdded: boolean, fileText: string): string | undefined {
  if (live.children.length > 0 && !childrenAllAdded) return undefined;
  if (SIZES.has(live.name)) {
    const a = parseSize(live.text, attributeValue(live, 'unit'));
    const b = parseSize(file.text, attributeValue(file, 'unit'));
    return 'bytes' in a && 'bytes' in b && a.bytes === b.bytes && sameAttributes(live, file, ['unit'])
      ? fileSource(file, fileText)
      : undefined;
  }
  if (file.children.length > 0 || live.text.trim() !== file.text.trim()) return undefined;
  const extra = live.attributes.filter((attr) => !file.attributes.some((other) => other.name === attr.name));
  const written = extra.every((attr) => WRITTEN_DEFAULTS.some(([e, a, v]) => e === live.name && a === attr.name && v === attr.value));
  const same = file.attributes.every((attr) => {
    const value = attributeValue(live, attr.name);
    if (value === attr.value) return true;
    return live.name === 'type' && attr.name === 'machine' && !!value?.startsWith(MACHINE_FAMILIES[attr.value] ?? '\0');
  });
  const changed =
    extra.length > 0 || live.children.length > 0 || file.attributes.some((attr) => attributeValue(live, attr.name) !== attr.value);
  return written && same && changed ? fileSource(file, fileText) : undefined;
}

function sameAttributes(a: XmlElement, b: XmlElement, except: readonly string[]): boolean {
  const names = new Set([...a.attributes, ...b.attributes].map((attr) => attr.name).filter((name) => !except.includes(name)));
  return [...names].every((name) => attributeValue(a, name) === attributeValue(b, name));
}

/** The file's own text of an element. */
const fileSource = (element: XmlElement, fileText: string): string => fileText.slice(element.start, element.end);

/** The text with the edits made; a removal standing alone on its lines takes the lines with it. */
function withoutSpans(text: string, edits: readonly Edit[]): string {
  let result = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue;
    let start = edit.start;
    let end = edit.end;
    if (edit.newText === undefined) {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = text.indexOf('\n', end);
      if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd))) {
        start = lineStart;
        end = lineEnd === -1 ? text.length : lineEnd + 1;
      }
    }
    result += text.slice(at, start) + (edit.newText ?? '');
    at = end;
  }
  return result + text.slice(at);
}
