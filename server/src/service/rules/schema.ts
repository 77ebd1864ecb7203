import { messages } from '../../l10n/message';
import {
  insertChild,
  type OffsetEdit,
  removeAttribute,
  removeElement,
  replaceAttributeValue,
  replaceText,
  setAttribute,
} from '../edits/xmlEdits';
import type { DocumentFixContext, DocumentModel, Fix } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { ENUMERATED_ATTRIBUTES, ENUMERATED_TEXTS } from '../model/libvirtEnums';
import { type RefusedObject, refusedAtDefine } from '../refusals';
import {
  DROPPED_ON_DEFINE,
  defaultNamespaceOf,
  domainSchema,
  type LibvirtSchema,
  qualifiedName,
  type SchemaMatch,
} from '../schema/libvirtSchema';
import type { ValueType } from '../schema/schemaTypes';
import { acceptsValue, enumeratedValues, hasNumbers, typesDescription } from '../schema/valueTypes';
import { closest } from '../text/closest';
import type { XmlAttribute, XmlElement } from '../xml/xmlTree';
import { elementPath, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('schema', {
  notNumberForAttribute:
    "'{value}' is not a valid number for {attribute} on <{element}>.{didYouMean} libvirt's schema expects {expected}.{caveat}",
  notValueForAttribute:
    "'{value}' is not a valid value for {attribute} on <{element}>.{didYouMean} libvirt's schema expects {expected}.{caveat}",
  notNumberForText: "'{value}' is not a valid number for <{element}>.{didYouMean} libvirt's schema expects {expected}.{caveat}",
  notValueForText: "'{value}' is not a valid value for <{element}>.{didYouMean} libvirt's schema expects {expected}.{caveat}",
  didYouMeanValue: " Did you mean '{suggestion}'?",
  didYouMeanElement: ' Did you mean <{suggestion}>?',
  readOnlyForSomeForms: ' libvirt reads it only for some forms of this element and may ignore it here.',
  noRangeCheck: " libvirt's parser checks no such range here: it may take the value as it is.",
  mayRefuse: ' libvirt may refuse it or read it differently.',
  changeTo: "Change to '{value}'",
  removeAttributeForDefault: 'Remove the attribute (libvirt uses its default)',
  unknownAttribute: "Unknown attribute '{name}' on <{element}>: {dropped}.{didYouMean}{where}",
  belongsOn: ' It belongs on <{child}>.',
  writeAs: " Write it as <{child} {attribute}='{value}'/>.",
  moveTo: "Move to <{child} {attribute}='{value}'>",
  renameAttribute: "Rename to '{name}'",
  removeAttribute: "Remove '{name}'",
  unknownElement: 'Unknown element <{name}> in <{parent}>',
  unknownElementDropped: 'Unknown element <{name}> in <{parent}>: {dropped}.{didYouMean}',
  // libvirt's refusal (refusals.ts: "PROBLEM: libvirt refuses the domain (…).") and a suggestion after it.
  refusedWithSuggestion: '{refusal}{didYouMean}',
  renameElement: 'Rename to <{name}>',
  removeElement: 'Remove <{name}>',
});

/** What the schema rule knows of one document kind besides its schema: where libvirt's parser is stricter or owned by another rule. */
export interface SchemaRuleOptions {
  readonly schema: () => LibvirtSchema;
  /** The kind as libvirt's refusals name it ("refuses the domain", "refuses the network"). */
  readonly label: RefusedObject;
  readonly docs: string;
  /** Parents (paths from the root) where libvirt reads every child and refuses what it does not know: its message. */
  readonly refusingParents?: Readonly<Record<string, string>>;
  /** Attributes another rule checks more precisely: element name ('*' for any) → attribute names. */
  readonly ownedAttributes?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Element texts another rule checks. */
  readonly ownedTexts?: ReadonlySet<string>;
  /** element@attribute whose schema range libvirt's parser checks itself. */
  readonly checkedRanges?: ReadonlySet<string>;
  /**
   * Which values outside the schema libvirt's parser refuses: 'all' (a domain's enumerations and numbers; each class
   * checked on the real daemon), or the element@attribute (element@ for its text) seen refused — others are warnings.
   */
  readonly refusedValues: 'all' | ReadonlySet<string>;
}

type SchemaProblem = Problem<DocumentFixContext>;

/** The schema rule of one document kind: every kind's has the id 'schema'. */
export function schemaRule(options: SchemaRuleOptions): Rule<DocumentModel, DocumentFixContext> {
  return {
    id: 'schema',
    severity: 'warning',
    title: "An element, attribute or value that libvirt's schema does not allow",
    explanation:
      "Checked against libvirt 9.0's schemas (its RelaxNG grammars for domains, networks, storage pools and volumes). An " +
      'unknown element or attribute is a warning: libvirt ignores it and drops it on define, so a misspelt setting ' +
      "silently does nothing. A value outside an enumeration or a malformed number is an error where libvirt's parser " +
      "refuses it (a domain's enumerations; what each kind's parser was seen to refuse), and an unknown child of " +
      '<features>, <hyperv>, <kvm> or <xen> is an error: libvirt refuses the domain. Values that another rule checks ' +
      'more precisely are left to that rule.',
    docs: options.docs,
    yieldsToSpecificRules: true,
    check({ model, report: reportNow }) {
      // Found depth-first, reported in document order.
      const found: SchemaProblem[] = [];
      // Problems are built only while under the cap: a million unknown attributes must not cost a million suggestions.
      const report: Report = (make) => {
        if (found.length < MAX_PROBLEMS) found.push(make());
      };
      const schemaModel = options.schema();
      const root = model.root;
      // A depth-first walk over parallel stacks (no object per element): each element, its match, and the default
      // namespace its children inherit (xmlns='…' is rare: looked up only where declared).
      const elements: XmlElement[] = [root];
      const matches: SchemaMatch[] = [schemaModel.rootMatch(root.name)];
      const namespaces: (string | undefined)[] = [defaultNamespaceOf(root)];
      while (elements.length) {
        const element = elements.pop()!;
        const match = matches.pop()!;
        const defaultNs = namespaces.pop();
        if (match.kind !== 'known') continue;
        checkAttributes(schemaModel, options, element, match, report);
        checkText(schemaModel, options, element, match, report);
        for (const child of element.children) {
          let childMatch: SchemaMatch;
          let childNs = defaultNs;
          if (!child.name.includes(':') && !hasXmlns(child)) {
            // The common case: an unprefixed name without xmlns=.
            childMatch = schemaModel.childMatch(match, child.name, defaultNs);
          } else {
            const { local, ns } = qualifiedName(child, defaultNs);
            if (ns === null) continue; // an undeclared prefix: qemu-namespace-undeclared
            childMatch = schemaModel.childMatch(match, local, ns);
            childNs = defaultNamespaceOf(child);
          }
          if (childMatch.kind === 'unknown') report(() => unknownElement(schemaModel, options, element, match, child));
          else if (childMatch.kind === 'known') {
            elements.push(child);
            matches.push(childMatch);
            namespaces.push(childNs);
          }
        }
      }
      found.sort((a, b) => a.start - b.start);
      for (const problem of found) reportNow(problem);
    },
  };
}

type Report = (make: () => SchemaProblem) => void;

/** A document that is mostly unknown names is not one to list them all for. */
const MAX_PROBLEMS = 1000;

/** Values another rule owns (enum-value-invalid's tables of what libvirt's parser really checks): element → attributes. */
const DOMAIN_OWNED_ATTRIBUTES = new Map<string, Set<string>>();
for (const entry of ENUMERATED_ATTRIBUTES) {
  const element = entry.path[entry.path.length - 1]!;
  if (!DOMAIN_OWNED_ATTRIBUTES.has(element)) DOMAIN_OWNED_ATTRIBUTES.set(element, new Set());
  DOMAIN_OWNED_ATTRIBUTES.get(element)!.add(entry.attribute);
}

/** The domain's schema rule (what libvirt does with an element or attribute its schema does not have: test/libvirt/schemaDrops). */
export const schema = schemaRule({
  schema: domainSchema,
  label: 'domain',
  docs: DOCS.overview,
  refusingParents: {
    'domain/features': "unexpected feature '%s'",
    'domain/features/hyperv': 'unsupported HyperV Enlightenment feature: %s',
    'domain/features/kvm': 'unsupported KVM feature: %s',
    'domain/features/xen': 'unsupported Xen feature: %s',
  },
  ownedAttributes: DOMAIN_OWNED_ATTRIBUTES,
  ownedTexts: new Set([...ENUMERATED_TEXTS.map((entry) => entry.path[entry.path.length - 1]!), 'memory', 'currentMemory', 'maxMemory']),
  // Attributes whose range libvirt's parser checks itself (the schema's range is otherwise a warning: <graphics
  // port='-2'> is accepted). Checked on libvirt 9.0.
  checkedRanges: new Set(['bootmenu@timeout']),
  refusedValues: 'all',
});

function hasXmlns(element: XmlElement): boolean {
  for (const attr of element.attributes) if (attr.name === 'xmlns') return true;
  return false;
}

function isOwned(options: SchemaRuleOptions, element: XmlElement, attribute: string): boolean {
  const owned = options.ownedAttributes;
  return owned !== undefined && (owned.get(element.name)?.has(attribute) === true || owned.get('*')?.has(attribute) === true);
}

/** Whether libvirt's parser refuses a value of `key` (element@attribute, element@ for text) that the schema does not allow. */
function refused(options: SchemaRuleOptions, key: string): boolean {
  return options.refusedValues === 'all' || options.refusedValues.has(key);
}

function checkAttributes(
  schemaModel: LibvirtSchema,
  options: SchemaRuleOptions,
  element: XmlElement,
  match: SchemaMatch,
  report: Report,
): void {
  let unused: string[] | undefined;
  for (const attr of element.attributes) {
    if (attr.name === 'xmlns' || attr.name.includes(':')) continue;
    const types = schemaModel.attributeTypes(match, attr.name);
    if (types.length === 0) {
      if (!schemaModel.allowsAnyAttribute(match)) {
        // The known names not written yet: what a misspelt one may have meant (computed once per element).
        report(() => {
          unused ??= schemaModel.attributeNames(match).filter((name) => !element.attributes.some((a) => a.name === name));
          return unknownAttribute(element, attr, unused, movesFor(schemaModel, match, attr));
        });
      }
      continue;
    }
    if (isOwned(options, element, attr.name) || acceptsValue(types, attr.value)) continue;
    // Removing is a fix only where the attribute is optional (libvirt then uses its default).
    const required = match.kind === 'known' && match.ids.every((id) => schemaModel.element(id).ra?.includes(attr.name));
    // Known to only some of the element's forms (<source type=…> is NVMe's and vhost-user's, not a file disk's):
    // libvirt's parser may not read it here at all.
    const partial = match.kind === 'known' && match.ids.some((id) => schemaModel.element(id).a?.[attr.name] === undefined);
    const key = `${element.name}@${attr.name}`;
    report(() =>
      invalidValue(
        types,
        attr.value,
        { element: element.name, attribute: attr.name },
        valueSpan(attr),
        (value, context) => replaceAttributeValue(attr, value, context),
        required ? undefined : (context) => removeAttribute(element, attr, context),
        {
          partial,
          checkedRange: options.checkedRanges?.has(key) === true,
          refused: refused(options, key),
        },
      ),
    );
  }
}

function checkText(schemaModel: LibvirtSchema, options: SchemaRuleOptions, element: XmlElement, match: SchemaMatch, report: Report): void {
  if (element.children.length > 0 || element.textStart < 0 || options.ownedTexts?.has(element.name)) return;
  const types = schemaModel.textTypes(match);
  if (!types) return;
  const text = element.text;
  if (acceptsValue(types, text) || acceptsValue(types, text.trim())) return;
  report(() =>
    invalidValue(
      types,
      text.trim(),
      { element: element.name },
      { start: element.textStart, end: element.textEnd },
      (value) => replaceText(element, value),
      undefined,
      // A domain's element texts are numbers libvirt's parser checks (<vcpu>0</vcpu> is refused).
      { checkedRange: true, refused: refused(options, `${element.name}@`) },
    ),
  );
}

function invalidValue(
  types: readonly ValueType[],
  value: string,
  where: { readonly element: string; readonly attribute?: string },
  span: { start: number; end: number },
  replace: (value: string, context: DocumentFixContext) => OffsetEdit,
  remove: ((context: DocumentFixContext) => OffsetEdit) | undefined,
  how: { readonly partial?: boolean; readonly checkedRange?: boolean; readonly refused: boolean },
): SchemaProblem {
  const values = enumeratedValues(types);
  const suggestion = closest(value, values);
  const numeric = hasNumbers(types);
  const didYouMean = suggestion ? M.didYouMeanValue({ suggestion }) : '';
  // A whole number the schema's range leaves out is refused only where libvirt's parser checks that range.
  // (A negative number where the schema wants one from 0 up is malformed to libvirt's unsigned parsing: refused.)
  const unsignedNegative =
    value.startsWith('-') && types.flatMap((type) => type.d ?? []).every((d) => /^unsigned|^nonNegative/.test(d.t) || d.min === 0);
  const outOfRange = numeric && !values.length && /^[+-]?\d+$/.test(value) && !how.checkedRange && !unsignedNegative;
  const isError = how.refused && (values.length > 0 || numeric) && !how.partial && !outOfRange;
  const caveat = how.partial ? M.readOnlyForSomeForms() : outOfRange ? M.noRangeCheck() : isError ? '' : M.mayRefuse();
  const args = { value, element: where.element, didYouMean, expected: typesDescription(types), caveat };
  const number = numeric && !values.length;
  const attribute = where.attribute;
  return {
    ...span,
    severity: isError ? 'error' : 'warning',
    message:
      attribute === undefined
        ? (number ? M.notNumberForText : M.notValueForText)(args)
        : (number ? M.notNumberForAttribute : M.notValueForAttribute)({ ...args, attribute }),
    fixes: (context) => {
      const fixes: Fix[] = [];
      const offered = suggestion ? [suggestion] : values.length <= 6 ? values : [];
      for (const choice of offered)
        fixes.push({ title: M.changeTo({ value: choice }), edits: [replace(choice, context)], preferred: choice === suggestion });
      if (remove) fixes.push({ title: M.removeAttributeForDefault(), edits: [remove(context)] });
      return fixes;
    },
  };
}

function unknownAttribute(element: XmlElement, attr: XmlAttribute, unused: readonly string[], moves: readonly Move[]): SchemaProblem {
  const suggestion = closest(attr.name, unused);
  const didYouMean = suggestion ? M.didYouMeanValue({ suggestion }) : '';
  const move = moves[0];
  const where = !move
    ? ''
    : move.attribute === attr.name
      ? M.belongsOn({ child: move.child })
      : M.writeAs({ child: move.child, attribute: move.attribute, value: attr.value });
  return {
    start: attr.nameStart,
    end: attr.nameEnd,
    message: M.unknownAttribute({ name: attr.name, element: element.name, dropped: DROPPED_ON_DEFINE, didYouMean, where }),
    fixes: (context) => [
      ...moves.map((m, i) => {
        const existing = element.children.find((child) => child.name === m.child);
        const place = existing
          ? setAttribute(existing, m.attribute, attr.value, context)
          : insertChild(element, { name: m.child, attributes: [[m.attribute, attr.value]] }, context);
        return {
          title: M.moveTo({ child: m.child, attribute: m.attribute, value: attr.value }),
          edits: [removeAttribute(element, attr, context), place],
          preferred: i === 0 && !suggestion,
        };
      }),
      ...(suggestion
        ? [
            {
              title: M.renameAttribute({ name: suggestion }),
              edits: [{ start: attr.nameStart, end: attr.nameEnd, newText: suggestion }],
              preferred: moves.length === 0,
            },
          ]
        : []),
      { title: M.removeAttribute({ name: attr.name }), edits: [removeAttribute(element, attr, context)] },
    ],
  };
}

/** Where a misplaced attribute belongs: on a child that has it (disk cache= → <driver cache=>), or as the type of the child it names (interface model= → <model type=>). */
interface Move {
  readonly child: string;
  readonly attribute: string;
}

function movesFor(schemaModel: LibvirtSchema, match: SchemaMatch, attr: XmlAttribute): Move[] {
  const moves: Move[] = [];
  for (const group of schemaModel.allowedChildren(match)) {
    if (group.ns) continue;
    const child: SchemaMatch = { kind: 'known', ids: group.ids };
    if (group.name === attr.name && acceptsValue(schemaModel.attributeTypes(child, 'type'), attr.value))
      moves.unshift({ child: group.name, attribute: 'type' });
    else if (acceptsValue(schemaModel.attributeTypes(child, attr.name), attr.value))
      moves.push({ child: group.name, attribute: attr.name });
  }
  return moves.slice(0, 2);
}

function unknownElement(
  schemaModel: LibvirtSchema,
  options: SchemaRuleOptions,
  parent: XmlElement,
  match: SchemaMatch,
  element: XmlElement,
): SchemaProblem {
  const names = schemaModel
    .allowedChildren(match)
    .filter((group) => !group.ns)
    .map((group) => group.name);
  const suggestion = closest(element.name, names);
  const didYouMean = suggestion ? M.didYouMeanElement({ suggestion }) : '';
  const refusal = options.refusingParents?.[elementPath(parent).join('/')];
  const tags = { name: element.name, parent: parent.name };
  const message = refusal
    ? M.refusedWithSuggestion({
        refusal: refusedAtDefine(M.unknownElement(tags), refusal.replace('%s', element.name), options.label),
        didYouMean,
      })
    : M.unknownElementDropped({ ...tags, dropped: DROPPED_ON_DEFINE, didYouMean });
  return {
    ...nameSpan(element),
    severity: refusal ? 'error' : undefined,
    message,
    fixes: (context) => [
      ...(suggestion ? [{ title: M.renameElement({ name: suggestion }), edits: renameElement(element, suggestion), preferred: true }] : []),
      { title: M.removeElement({ name: element.name }), edits: [removeElement(element, context)] },
    ],
  };
}

function renameElement(element: XmlElement, name: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [{ start: element.start + 1, end: element.nameEnd, newText: name }];
  if (element.endTagStart >= 0)
    edits.push({ start: element.endTagStart + 2, end: element.endTagStart + 2 + element.name.length, newText: name });
  return edits;
}
