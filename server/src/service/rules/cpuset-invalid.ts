import { type Message, messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { BITMAP_LENGTH, parseBitmap } from '../model/bitmap';
import { iothreadIds, maxVcpus } from '../model/cputune';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, childrenNamed, firstChild, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('cpuset-invalid', {
  unreadable: "<{element} {name}='{value}'> is no list libvirt can read",
  unreadableBecause: "<{element} {name}='{value}'> is no list libvirt can read ({why})",
  backwardsRange: 'the range {first}-{last} runs backwards',
  rangeWithoutEnd: 'a range needs its last number',
  caretRange: '^ takes one number out, not a range',
  numberTooLarge: 'libvirt numbers CPUs and nodes below 16384',
  namesNoNode: "<{element} {name}='{value}'> names no node",
  namesNoCpu: "<{element} {name}='{value}'> names no CPU",
  changeTo: "Change to '{value}'",
});

/** The bitmap libvirt parses in a place, and what it says when the set comes out empty (undefined: it takes it). */
interface Site {
  readonly element: XmlElement;
  readonly name: string;
  readonly empty?: (value: string) => string;
  /** What libvirt says when it cannot parse it (its own wording replaces the bitmap's in a few places). */
  readonly malformed?: (value: string) => string;
}

const emptyAs = (name: string) => (value: string) => `Invalid value of '${name}': ${value}`;
const emptySchedule = (name: string) => (value: string) => `'${name}' scheduler bitmap '${value}' is empty`;

/** Every bitmap of a domain that libvirt's parser reads, in document order of the parts it reads them in. */
function sites(root: XmlElement, vcpuCount: number | undefined): Site[] {
  const found: Site[] = [];
  const vcpu = firstChild(root, 'vcpu');
  if (vcpu && attributeValue(vcpu, 'placement') !== 'auto') found.push({ element: vcpu, name: 'cpuset', empty: emptyAs('cpuset') });
  const cputune = firstChild(root, 'cputune');
  const pinned = new Set<number>();
  let threads: Set<number> | undefined | null = null;
  for (const child of cputune?.children ?? []) {
    switch (child.name) {
      case 'vcpupin': {
        // A pin for a vCPU the domain lacks is dropped unread, and a second pin for one is refused before its set is.
        const id = Number(attributeValue(child, 'vcpu'));
        if (vcpuCount === undefined || !Number.isInteger(id) || id >= vcpuCount || pinned.has(id)) break;
        pinned.add(id);
        found.push({ element: child, name: 'cpuset', empty: emptyAs('cpuset') });
        break;
      }
      case 'iothreadpin': {
        if (threads === null) threads = iothreadIds(root);
        const id = Number(attributeValue(child, 'iothread'));
        if (threads?.has(id)) found.push({ element: child, name: 'cpuset', empty: emptyAs('cpuset') });
        break;
      }
      case 'emulatorpin':
        found.push({ element: child, name: 'cpuset', empty: emptyAs('cpuset') });
        break;
      case 'vcpusched':
        found.push({ element: child, name: 'vcpus', empty: emptySchedule('vcpus') });
        break;
      case 'iothreadsched':
        found.push({ element: child, name: 'iothreads', empty: emptySchedule('iothreads') });
        break;
      case 'cachetune':
      case 'memorytune':
        found.push({ element: child, name: 'vcpus', malformed: (value) => `Invalid ${child.name} attribute 'vcpus' value '${value}'` });
        break;
    }
  }
  const numatune = firstChild(root, 'numatune');
  for (const child of numatune?.children ?? [])
    if (child.name === 'memory' || child.name === 'memnode') found.push({ element: child, name: 'nodeset', empty: emptyAs('nodeset') });
  for (const cell of childrenNamed(firstChild(firstChild(root, 'cpu'), 'numa'), 'cell')) found.push({ element: cell, name: 'cpus' });
  for (const page of childrenNamed(firstChild(firstChild(root, 'memoryBacking'), 'hugepages'), 'page'))
    found.push({ element: page, name: 'nodeset', empty: emptyAs('nodeset') });
  return found;
}

export const cpusetInvalid: Rule = {
  id: 'cpuset-invalid',
  severity: 'error',
  title: 'A CPU or node list (cpuset=, nodeset=, vcpus=, cpus=) libvirt cannot read, or one that names nothing',
  explanation:
    "libvirt reads lists such as cpuset='0-3,^2,8' left to right: numbers, ranges N-M with N ≤ M, ^N to take one " +
    "number out again, separated by commas, every number below 16384. Anything else (a range '3-1' or '0-', a bare " +
    "'^', '^1-3', a word) is refused at define (\"Failed to parse bitmap '0-'\"), and so is a list that ends up " +
    "empty ('0,^0') where a CPU or node must be named (\"Invalid value of 'cpuset': 0,^0\").",
  docs: DOCS.cpuAllocation,
  check({ model, report }) {
    const problems: Problem[] = [];
    for (const site of sites(model.root, maxVcpus(model))) {
      const attr = attribute(site.element, site.name);
      if (!attr) continue;
      const bits = parseBitmap(attr.value);
      if (!bits) {
        const repaired = repair(attr.value);
        problems.push({
          ...valueSpan(attr),
          fixes: repaired
            ? (context) => [
                { title: M.changeTo({ value: repaired }), edits: [replaceAttributeValue(attr, repaired, context)], preferred: true },
              ]
            : undefined,
          message: refused(
            unreadable(site.element.name, site.name, attr.value),
            site.malformed?.(attr.value) ?? `Failed to parse bitmap '${attr.value}'`,
          ),
        });
      } else if (bits.length === 0 && site.empty)
        problems.push({
          ...valueSpan(attr),
          message: refused(
            (site.name === 'nodeset' ? M.namesNoNode : M.namesNoCpu)({ element: site.element.name, name: site.name, value: attr.value }),
            site.empty(attr.value),
          ),
        });
    }
    for (const problem of problems) report(problem);
  },
};

/** The list the usual slips meant (reversed ranges turned round, empty items left out), when that parses. */
function repair(value: string): string | undefined {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => item.replace(/^(\d+)\s*-\s*(\d+)$/, (whole, a, b) => (Number(b) < Number(a) ? `${b}-${a}` : whole)));
  const repaired = items.join(',');
  return repaired !== value && parseBitmap(repaired)?.length ? repaired : undefined;
}

/** "<ELEMENT NAME='VALUE'> is no list libvirt can read", with what is wrong when it is one of the usual slips. */
function unreadable(element: string, name: string, value: string): Message {
  const why = hint(value);
  return why ? M.unreadableBecause({ element, name, value, why }) : M.unreadable({ element, name, value });
}

/** What is wrong with a list libvirt cannot parse, when it is one of the usual slips. */
function hint(value: string): Message | undefined {
  const range = /(\d+)\s*-\s*(\d+)/.exec(value);
  if (range && Number(range[2]) < Number(range[1])) return M.backwardsRange({ first: range[1]!, last: range[2]! });
  if (/-\s*(,|$)/.test(value)) return M.rangeWithoutEnd();
  if (/\^\s*\d+\s*-/.test(value)) return M.caretRange();
  if ([...value.matchAll(/\d+/g)].some((m) => Number(m[0]) >= BITMAP_LENGTH)) return M.numberTooLarge();
  return undefined;
}
