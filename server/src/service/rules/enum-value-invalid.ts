import { type Message, messages } from '../../l10n/message';
import { replaceAttributeValue, replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { ENUMERATED_ATTRIBUTES, ENUMERATED_TEXTS, type EnumeratedAttribute, type EnumeratedText } from '../model/libvirtEnums';
import { closest } from '../text/closest';
import { textOrTagSpan } from '../validation/spans';
import type { XmlDocument, XmlElement } from '../xml/xmlTree';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('enum-value-invalid', {
  emptyAttribute: "{attribute}='' on <{element}> is empty: libvirt takes it as absent (its default) and drops it on define.",
  emptyText: '<{element}> is empty: libvirt takes it as absent (its default) and drops it on define.',
  invalidAttribute: "'{value}' is not a valid {element} {attribute}.{didYouMean} libvirt accepts: {values}.",
  invalidAttributeRefused:
    '\'{value}\' is not a valid {element} {attribute}: libvirt refuses the domain ("{libvirtSays}").{didYouMean} libvirt accepts: {values}.',
  invalidText: "'{value}' is not a valid <{element}>.{didYouMean} libvirt accepts: {values}.",
  invalidTextRefused:
    '\'{value}\' is not a valid <{element}>: libvirt refuses the domain ("{libvirtSays}").{didYouMean} libvirt accepts: {values}.',
  didYouMean: " Did you mean '{suggestion}'?",
  changeTo: "Change to '{value}'",
});

export const enumValueInvalid: Rule = {
  id: 'enum-value-invalid',
  severity: 'error',
  title: 'An attribute has a value libvirt does not know',
  explanation:
    "Many attributes take one of a fixed set of values (bus='virtio', cache='none', mode='host-passthrough'...). " +
    'libvirt refuses the whole domain when one is misspelt, with a message that names neither line nor element. ' +
    'The values checked here are those of libvirt 9.0.',
  docs: DOCS.overview,
  check({ model, document, report }) {
    visit(model.root, ENUM_TRIE.get('domain'), (element, node) => {
      for (const entry of node.attributes) {
        const attr = attribute(element, entry.attribute);
        if (!attr || entry.values.includes(attr.value) || (entry.when && !entry.when(element))) continue;
        const says = attributeSays(element, entry.attribute, attr.value);
        report({
          ...valueSpan(attr),
          // An empty value libvirt takes as absent (firmware='', offset=''): accepted, and dropped.
          severity: says === undefined && attr.value === '' ? 'warning' : undefined,
          message:
            says === undefined && attr.value === ''
              ? M.emptyAttribute({ attribute: entry.attribute, element: element.name })
              : describe(attr.value, { element: element.name, attribute: entry.attribute }, entry.values, says),
          fixes: (context) =>
            replacements(attr.value, entry.values).map((value, i) => ({
              title: M.changeTo({ value }),
              edits: [replaceAttributeValue(attr, value, context)],
              preferred: i === 0 && value === closest(attr.value, entry.values),
            })),
        });
      }
      for (const entry of node.texts) {
        const value = element.text.trim();
        if (entry.values.includes(value)) continue;
        const says = textSays(element, document);
        report({
          ...textOrTagSpan(element),
          severity: says === undefined && value === '' ? 'warning' : undefined,
          message:
            says === undefined && value === ''
              ? M.emptyText({ element: element.name })
              : describe(value, { element: element.name }, entry.values, says),
          fixes: () =>
            replacements(value, entry.offered ?? entry.values).map((choice) => ({
              title: M.changeTo({ value: choice }),
              edits: [replaceText(element, choice)],
            })),
        });
      }
    });
  },
};

/** The enumerations arranged by element path, so that one walk of the tree checks them all. */
interface TrieNode {
  readonly children: Map<string, TrieNode>;
  readonly attributes: EnumeratedAttribute[];
  readonly texts: EnumeratedText[];
}

const newNode = (): TrieNode => ({ children: new Map(), attributes: [], texts: [] });

function nodeAt(root: TrieNode, path: readonly string[]): TrieNode {
  let node = root;
  for (const name of path) {
    let child = node.children.get(name);
    if (!child) node.children.set(name, (child = newNode()));
    node = child;
  }
  return node;
}

const ENUM_TRIE: Map<string, TrieNode> = (() => {
  const root = newNode();
  for (const entry of ENUMERATED_ATTRIBUTES) nodeAt(root, entry.path).attributes.push(entry);
  for (const entry of ENUMERATED_TEXTS) nodeAt(root, entry.path).texts.push(entry);
  return root.children;
})();

function visit(element: XmlElement, node: TrieNode | undefined, check: (element: XmlElement, node: TrieNode) => void): void {
  if (!node) return;
  check(element, node);
  if (node.children.size === 0) return;
  const any = node.children.get('*');
  for (const child of element.children) {
    visit(child, node.children.get(child.name), check);
    if (any) visit(child, any, check);
  }
}

/** The values a fix may offer: the likely one, or the whole (short) list. */
function replacements(value: string, values: readonly string[]): string[] {
  const suggestion = closest(value, values);
  if (suggestion) return [suggestion];
  const known = values.filter((v) => v !== 'default' && v !== 'none');
  return known.length <= 6 ? known : [];
}

/** Where the value is: an element's attribute, or (without `attribute`) its text. */
function describe(
  value: string,
  where: { readonly element: string; readonly attribute?: string },
  values: readonly string[],
  says: string | undefined,
): Message {
  const suggestion = closest(value, values);
  const didYouMean = suggestion ? M.didYouMean({ suggestion }) : '';
  const known = values.filter((v) => v !== 'default' && v !== 'none').join(', ');
  const { element, attribute } = where;
  if (attribute === undefined)
    return says === undefined
      ? M.invalidText({ value, element, didYouMean, values: known })
      : M.invalidTextRefused({ value, element, libvirtSays: says, didYouMean, values: known });
  return says === undefined
    ? M.invalidAttribute({ value, element, attribute, didYouMean, values: known })
    : M.invalidAttributeRefused({ value, element, attribute, libvirtSays: says, didYouMean, values: known });
}

/**
 * An element's text as libvirt's XPath string() reads it: blanks included (the tree keeps none when there is only
 * blank text), '' for an empty element.
 */
export function rawText(element: XmlElement, document: XmlDocument): string {
  if (element.text !== '' || element.selfClosing || element.endTagStart < element.startTagEnd) return element.text;
  const between = document.text.slice(element.startTagEnd, element.endTagStart);
  return /^[ \t\r\n]*$/.test(between) ? between : '';
}

/** What libvirt says of an unknown lifecycle action: the text as written; none for an empty element (it is absent). */
function textSays(element: XmlElement, document: XmlDocument): string | undefined {
  const text = rawText(element, document);
  return text === '' ? undefined : `unknown ${element.name} action: ${text}`;
}

/**
 * What libvirt 9.0 says of an attribute value it does not know: most attributes are read by virXMLPropEnum, whose
 * message names the attribute and element; the older parsers have messages of their own. undefined where libvirt
 * takes the (empty) value after all.
 */
function attributeSays(element: XmlElement, name: string, value: string): string | undefined {
  const quoted = `'${value}'`;
  switch (`${element.parent?.name ?? ''}/${element.name} ${name}`) {
    case '/domain type':
      return value === '' ? 'missing domain type attribute' : `invalid domain type ${value}`;
    case 'domain/os firmware':
      return value === '' ? undefined : `unknown firmware value ${value}`;
    case 'domain/cpu mode':
      return `Invalid mode attribute ${quoted}`;
    case 'cpu/feature policy':
      return 'Invalid CPU feature policy';
    case 'domain/clock offset':
      return value === '' ? undefined : `unknown clock offset ${quoted}`;
    case 'devices/hostdev mode':
      return `unknown hostdev mode ${quoted}`;
    case 'devices/hostdev type':
      return `unknown host device source address type ${quoted}`;
    case 'video/model type':
      return value === '' ? undefined : `unknown video model ${quoted}`;
    case 'devices/input type':
      return `unknown input device type ${quoted}`;
    case 'devices/input bus':
      return `unknown input bus type ${quoted}`;
    case 'devices/rng model':
      return `unknown RNG model ${quoted}`;
    case 'devices/watchdog model':
      return `unknown watchdog model ${quoted}`;
    case 'devices/watchdog action':
      return `unknown watchdog action ${quoted}`;
  }
  if (element.name === 'address' && name === 'type') return `unknown address type ${quoted}`;
  return `Invalid value for attribute '${name}' in element '${element.name}': ${quoted}.`;
}
