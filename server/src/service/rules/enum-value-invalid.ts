import { ENUMERATED_ATTRIBUTES, ENUMERATED_TEXTS } from '../model/libvirtEnums';
import type { XmlElement } from '../xml/xmlTree';
import { attribute, valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { textOrTagSpan } from './spans';

export const enumValueInvalid: Rule = {
  id: 'enum-value-invalid',
  severity: 'error',
  title: 'An attribute has a value libvirt does not know',
  explanation: "Many attributes take one of a fixed set of values (bus='virtio', cache='none', mode='host-passthrough'...). "
    + 'libvirt refuses the whole domain when one is misspelt, with a message that names neither line nor element. '
    + 'The values checked here are those of libvirt 9.0.',
  docs: DOCS.overview,
  check({ model, report }) {
    for (const entry of ENUMERATED_ATTRIBUTES) {
      for (const element of elementsAt(model.root, entry.path)) {
        const attr = attribute(element, entry.attribute);
        if (!attr || entry.values.includes(attr.value) || (entry.when && !entry.when(element))) continue;
        report({ ...valueSpan(attr), message: describe(attr.value, `${element.name} ${entry.attribute}`, entry.values) });
      }
    }
    for (const entry of ENUMERATED_TEXTS) {
      for (const element of elementsAt(model.root, entry.path)) {
        const value = element.text.trim();
        if (entry.values.includes(value)) continue;
        report({ ...textOrTagSpan(element), message: describe(value, `<${element.name}>`, entry.values) });
      }
    }
  },
};

/** Elements reached from the root by a path of names ('*' matches any name). */
function elementsAt(root: XmlElement, path: readonly string[]): XmlElement[] {
  if (root.name !== path[0]) return [];
  let level = [root];
  for (const name of path.slice(1)) {
    level = level.flatMap((element) => element.children.filter((child) => name === '*' || child.name === name));
  }
  return level;
}

function describe(value: string, where: string, values: readonly string[]): string {
  const suggestion = closest(value, values);
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  const known = values.filter((v) => v !== 'default' && v !== 'none');
  return `'${value}' is not a valid ${where}.${hint} libvirt accepts: ${known.join(', ')}.`;
}

/** The value within edit distance 2 (or differing only in case), if there is exactly one best. */
function closest(value: string, values: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of values) {
    const distance = candidate.toLowerCase() === value.toLowerCase() ? 0 : editDistance(value, candidate);
    if (distance < bestDistance) { best = candidate; bestDistance = distance; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
