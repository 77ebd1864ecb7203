// Mutations of accepted domains the way users edit them, for the differential test against the real libvirtd:
// duplicate a device, delete an element or attribute, change an enumerated value to another the schema allows,
// change the machine or arch, change a number, move an attribute to the parent. Each works on the parsed document
// and edits the text by offsets, so that the mutant is the original with one edit — and says what it did.

import { domainSchema } from '../../server/src/service/schema/libvirtSchema';
import { enumeratedValues } from '../../server/src/service/schema/valueTypes';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import type { XmlElement } from '../../server/src/service/xml/xmlTree';

export interface Mutant {
  readonly text: string;
  /** What was changed ("duplicate <disk> at line 30", "delete model= of <video><model>"). */
  readonly what: string;
}

type Operator = (
  text: string,
  elements: readonly XmlElement[],
  pick: <T>(items: readonly T[]) => T | undefined,
  random: () => number,
) => Mutant | undefined;

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const nonRoot = (elements: readonly XmlElement[]) => elements.filter((e) => e.parent);

const DEVICE_PARENT = 'devices';

const duplicateDevice: Operator = (text, elements, pick) => {
  const device = pick(elements.filter((e) => e.parent?.name === DEVICE_PARENT && e.end > e.start));
  if (!device) return undefined;
  const copy = text.slice(device.start, device.end);
  return {
    text: `${text.slice(0, device.end)}\n${copy}${text.slice(device.end)}`,
    what: `duplicate <${device.name}> of line ${lineOf(text, device.start)}`,
  };
};

const deleteElement: Operator = (text, elements, pick) => {
  const element = pick(nonRoot(elements));
  if (!element) return undefined;
  return {
    text: text.slice(0, element.start) + text.slice(element.end),
    what: `delete <${element.parent!.name}><${element.name}> of line ${lineOf(text, element.start)}`,
  };
};

const deleteAttribute: Operator = (text, elements, pick) => {
  const element = pick(elements.filter((e) => e.attributes.length > 0));
  const attr = element && pick(element.attributes.filter((a) => !a.name.startsWith('xmlns')));
  if (!element || !attr) return undefined;
  const end = attr.valueEnd + (attr.quote ? 1 : 0);
  return {
    text: text.slice(0, attr.nameStart) + text.slice(end),
    what: `delete ${attr.name}= of <${element.name}> (line ${lineOf(text, attr.nameStart)})`,
  };
};

const changeEnumeration: Operator = (text, elements, pick) => {
  const schema = domainSchema();
  const candidates = elements.flatMap((element) => {
    const match = schema.matchOf(element);
    return element.attributes
      .map((attr) => ({ element, attr, values: enumeratedValues(schema.attributeTypes(match, attr.name)).filter((v) => v !== attr.value) }))
      .filter((c) => c.values.length > 0);
  });
  const chosen = pick(candidates);
  const value = chosen && pick(chosen.values);
  if (!chosen || value === undefined) return undefined;
  const { element, attr } = chosen;
  return {
    text: text.slice(0, attr.valueStart) + value + text.slice(attr.valueEnd),
    what: `${attr.name}='${attr.value}' → '${value}' on <${element.name}> (line ${lineOf(text, attr.valueStart)})`,
  };
};

const MACHINES = ['pc', 'q35', 'virt', 'pc-i440fx-7.2', 'pc-q35-7.2'];
const ARCHES = ['x86_64', 'i686', 'aarch64'];

const changeMachine: Operator = (text, elements, pick) => {
  const type = elements.find((e) => e.name === 'type' && e.parent?.name === 'os');
  const which = pick(['machine', 'arch']);
  const attr = type?.attributes.find((a) => a.name === which);
  const value = attr && pick((which === 'machine' ? MACHINES : ARCHES).filter((v) => v !== attr.value));
  if (!attr || !value) return undefined;
  return {
    text: text.slice(0, attr.valueStart) + value + text.slice(attr.valueEnd),
    what: `<os><type ${which}='${attr.value}'> → '${value}'`,
  };
};

// No 4294967296 or larger: libvirtd 9.0 aborts (a 32 GiB g_malloc, seen in dmesg) on some of them, which would take
// the daemon down for every test after.
const NUMBERS = ['0', '1', '2', '-1', '7', '31', '32', '256', '65536', '0x1f', '0x20'];

const changeNumber: Operator = (text, elements, pick) => {
  const numericAttributes = elements.flatMap((element) =>
    element.attributes
      .filter((a) => /^(0x[0-9a-f]+|\d+)$/i.test(a.value) && !(element.name === 'vcpu' || element.name === 'vcpus'))
      .map((attr) => ({ element, attr })),
  );
  // Never the vCPU count: libvirtd 9.0 reads <vcpu>-1</vcpu> as 2^32 - 1 vCPUs and aborts on the allocation.
  const numericTexts = elements.filter(
    (e) => e.children.length === 0 && /^\s*\d+\s*$/.test(e.text) && e.textStart >= 0 && e.name !== 'vcpu' && e.name !== 'vcpus',
  );
  if (numericTexts.length && pick([true, false])) {
    const element = pick(numericTexts)!;
    const value = pick(NUMBERS)!;
    return {
      text: text.slice(0, element.textStart) + value + text.slice(element.textEnd),
      what: `<${element.name}>${element.text.trim()} → ${value}`,
    };
  }
  const chosen = pick(numericAttributes);
  const value = pick(NUMBERS);
  if (!chosen || value === undefined) return undefined;
  const { element, attr } = chosen;
  return {
    text: text.slice(0, attr.valueStart) + value + text.slice(attr.valueEnd),
    what: `${attr.name}='${attr.value}' → '${value}' on <${element.name}>`,
  };
};

const moveAttributeUp: Operator = (text, elements, pick) => {
  const element = pick(elements.filter((e) => e.parent?.parent && e.attributes.length > 0));
  const attr = element && pick(element.attributes);
  if (!element || !attr) return undefined;
  const parent = element.parent!;
  const end = attr.valueEnd + (attr.quote ? 1 : 0);
  const written = text.slice(attr.nameStart, end);
  const removed = text.slice(0, attr.nameStart) + text.slice(end);
  // The parent's start tag comes before the attribute: its name end offset is unchanged.
  const at = parent.nameEnd;
  return {
    text: `${removed.slice(0, at)} ${written}${removed.slice(at)}`,
    what: `move ${attr.name}= from <${element.name}> to <${parent.name}>`,
  };
};

const OPERATORS: readonly Operator[] = [
  duplicateDevice,
  deleteElement,
  deleteAttribute,
  changeEnumeration,
  changeMachine,
  changeNumber,
  moveAttributeUp,
];

export function mutateDomain(text: string, random: () => number): Mutant | undefined {
  const pick = <T>(items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);
  const root = parseXml(text).root;
  if (!root) return undefined;
  const elements: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    elements.push(element);
    for (const child of element.children) walk(child);
  };
  walk(root);
  for (let attempt = 0; attempt < 5; attempt++) {
    const mutant = pick(OPERATORS)!(text, elements, pick, random);
    if (mutant && mutant.text !== text) return mutant;
  }
  return undefined;
}
