// After `virsh define` (or net-define, pool-define, vol-create): what did libvirt drop or rewrite? libvirt silently
// ignores what it does not understand, and users lose edits that way. This compares the file with what libvirt
// stored (`virsh dumpxml --inactive` and its kin):
// libvirt's additions (defaults, addresses, controllers) are expected and not reported; what the file had and the
// stored XML has not, or has differently, is.

import { messages, type Text } from '../l10n/message';
import { parseCNumber } from './model/pciAddress';
import { parseSize } from './model/sizeUnits';
import { parseStorageSize } from './storage/storageSizes';
import { parseXml } from './xml/xmlParser';
import type { XmlElement } from './xml/xmlTree';
import { attributeValue, firstChild } from './xml/xmlTree';

const M = messages('defined-diff', {
  became: '{file} became {stored}',
  bytes: '{size} bytes',
  attributeDropped: "{attribute}='{value}' was dropped",
  attributeChanged: "{attribute}='{value}' became '{stored}'",
  textChanged: "'{text}' became '{stored}'",
  elementDropped: '<{element}> was dropped',
});

/** A size as written: its number and unit, or bytes without a unit. */
function storageSize(element: XmlElement): Text {
  const unit = attributeValue(element, 'unit');
  return unit !== undefined ? `${element.text.trim()} ${unit}` : M.bytes({ size: element.text.trim() });
}

export interface DefinedDifference {
  readonly kind: 'dropped-element' | 'dropped-attribute' | 'changed-attribute' | 'changed-text';
  /** Where in the file: 'domain/devices/disk[vda]/driver'. */
  readonly path: string;
  readonly detail: Text;
  /** Offsets of the element or attribute in the file. */
  readonly start: number;
  readonly end: number;
}

const SIZE_ELEMENTS = new Set(['memory', 'currentMemory', 'maxMemory', 'size']);

/** How an element is recognised among its same-named siblings, when order is not enough. */
function identity(element: XmlElement): string | undefined {
  switch (element.name) {
    case 'disk':
      return attributeValue(firstChild(element, 'target'), 'dev');
    case 'interface':
      return attributeValue(firstChild(element, 'mac'), 'address')?.toLowerCase();
    case 'controller':
      return `${attributeValue(element, 'type')}:${Number(attributeValue(element, 'index') ?? '0')}`;
    case 'hostdev': {
      const address = firstChild(firstChild(element, 'source'), 'address');
      return address
        ? ['domain', 'bus', 'slot', 'function'].map((n) => parseCNumber(attributeValue(address, n) ?? '0')).join(':')
        : undefined;
    }
    case 'feature':
    case 'timer':
      return attributeValue(element, 'name');
    default:
      return undefined;
  }
}

/** How a path names an element: its name, with its identity among namesakes when it has one (disk[vda]). */
export function label(element: XmlElement): string {
  const id = identity(element);
  return id ? `${element.name}[${id}]` : element.name;
}

/** libvirt's expected rewrites: machine aliases made concrete ('q35' → 'pc-q35-7.2', 'pc', 'virt'). */
function isMachineAlias(element: XmlElement, name: string, file: string, stored: string): boolean {
  if (element.name !== 'type' || name !== 'machine') return false;
  const canonical: Record<string, string> = { q35: 'pc-q35-', pc: 'pc-i440fx-', virt: 'virt-' };
  return canonical[file] !== undefined && stored.startsWith(canonical[file]);
}

/** Values libvirt drops because they only restate its default. */
function isDefaultDropped(element: XmlElement, name: string, value: string): boolean {
  if (element.name === 'graphics' && (name === 'port' || name === 'tlsPort') && value === '-1') return true;
  if (element.name === 'source' && element.parent?.name === 'channel' && name === 'mode' && value === 'bind') return true;
  return false;
}

function sameValue(a: string, b: string): boolean {
  if (a === b || a.toLowerCase() === b.toLowerCase()) return true;
  const x = parseCNumber(a);
  const y = parseCNumber(b);
  return x !== undefined && x === y;
}

export function compareDefinedDomain(fileText: string, storedText: string): DefinedDifference[] {
  const file = parseXml(fileText).root;
  const stored = parseXml(storedText).root;
  if (!file || !stored) return [];
  const differences: DefinedDifference[] = [];
  compareElements(file, stored, file.name, differences);
  return differences;
}

/** A pool's or volume's sizes libvirt reports as they are on the host, not as written. */
const LIVE_STORAGE_SIZES = new Set(['allocation', 'available', 'physical']);

function compareElements(file: XmlElement, stored: XmlElement, path: string, out: DefinedDifference[]): void {
  const storage = path.startsWith('volume') || path.startsWith('pool');
  if (storage && (LIVE_STORAGE_SIZES.has(file.name) || (path.startsWith('pool') && file.name === 'capacity'))) return;
  if (storage && file.name === 'capacity') {
    const a = parseStorageSize(file.text, attributeValue(file, 'unit'));
    const b = parseStorageSize(stored.text, attributeValue(stored, 'unit'));
    if ('bytes' in a && 'bytes' in b && a.bytes !== b.bytes)
      out.push({
        kind: 'changed-text',
        path,
        detail: M.became({ file: storageSize(file), stored: storageSize(stored) }),
        start: file.start,
        end: file.end,
      });
    return;
  }
  if (SIZE_ELEMENTS.has(file.name)) {
    const a = parseSize(file.text, attributeValue(file, 'unit'), file.name === 'size' ? 1 : 1024);
    const b = parseSize(stored.text, attributeValue(stored, 'unit'), stored.name === 'size' ? 1 : 1024);
    if ('bytes' in a && 'bytes' in b && Math.ceil(a.bytes / 1024) !== Math.ceil(b.bytes / 1024)) {
      out.push({
        kind: 'changed-text',
        path,
        detail: M.became({
          file: `${file.text.trim()} ${attributeValue(file, 'unit') ?? 'KiB'}`,
          stored: `${stored.text.trim()} ${attributeValue(stored, 'unit') ?? 'KiB'}`,
        }),
        start: file.start,
        end: file.end,
      });
    }
  } else {
    for (const attr of file.attributes) {
      if (attr.name.startsWith('xmlns')) continue;
      const counterpart = stored.attributes.find((candidate) => candidate.name === attr.name);
      if (!counterpart) {
        if (isDefaultDropped(file, attr.name, attr.value)) continue;
        out.push({
          kind: 'dropped-attribute',
          path,
          detail: M.attributeDropped({ attribute: attr.name, value: attr.value }),
          start: attr.nameStart,
          end: attr.valueEnd + 1,
        });
      } else if (!sameValue(attr.value, counterpart.value) && !isMachineAlias(file, attr.name, attr.value, counterpart.value)) {
        out.push({
          kind: 'changed-attribute',
          path,
          detail: M.attributeChanged({ attribute: attr.name, value: attr.value, stored: counterpart.value }),
          start: attr.valueStart,
          end: attr.valueEnd,
        });
      }
    }
    const text = file.text.trim();
    if (file.children.length === 0 && text !== '' && !sameValue(text, stored.text.trim())) {
      out.push({
        kind: 'changed-text',
        path,
        detail: M.textChanged({ text, stored: stored.text.trim() }),
        start: file.start,
        end: file.end,
      });
    }
  }
  const used = new Set<XmlElement>();
  for (const child of file.children) {
    const match = counterpartOf(child, file, stored, used);
    const childPath = `${path}/${label(child)}`;
    if (!match) {
      // An element that only restated defaults (<source mode='bind'/>) leaves nothing behind.
      if (
        child.children.length === 0 &&
        child.text.trim() === '' &&
        child.attributes.length > 0 &&
        child.attributes.every((a) => isDefaultDropped(child, a.name, a.value))
      )
        continue;
      out.push({
        kind: 'dropped-element',
        path: childPath,
        detail: M.elementDropped({ element: child.name }),
        start: child.start,
        end: child.end,
      });
      continue;
    }
    used.add(match);
    compareElements(child, match, childPath, out);
  }
}

/** The stored element for a file element: same identity if it has one, else the same position among its namesakes. */
export function counterpartOf(
  child: XmlElement,
  fileParent: XmlElement,
  storedParent: XmlElement,
  used: Set<XmlElement>,
): XmlElement | undefined {
  const candidates = storedParent.children.filter((candidate) => candidate.name === child.name && !used.has(candidate));
  const id = identity(child);
  if (id !== undefined) {
    const byId = candidates.find((candidate) => identity(candidate) === id);
    if (byId) return byId;
  }
  const position = fileParent.children.filter((sibling) => sibling.name === child.name).indexOf(child);
  const storedNamesakes = storedParent.children.filter((candidate) => candidate.name === child.name);
  const byPosition = storedNamesakes[position];
  return byPosition && !used.has(byPosition) && (id === undefined || identity(byPosition) === undefined) ? byPosition : candidates[0];
}
