// libvirt's schemas as the server uses them: a generated model (domainSchema.json, networkSchema.json... from
// libvirt's RelaxNG) with indexes, and the matching of a document's elements to the schema's elements. An element is
// matched by its name among the children allowed in its parent's matches; one name may match several schema
// elements (<source> of a file disk and of a block disk), and the union of what they allow is what is allowed.

import { type Message, messages } from '../../l10n/message';
import type { XmlAttribute, XmlElement } from '../xml/xmlTree';
import domainJson from './domainSchema.json';
import networkJson from './networkSchema.json';
import type { SchemaElement, SchemaModel, ValueType } from './schemaTypes';
import storagePoolJson from './storagePoolSchema.json';
import storageVolJson from './storageVolSchema.json';

const M = messages('schema', {
  droppedOnDefine: 'libvirt ignores it and drops it on define',
});

/** What libvirt does with an element or attribute its schema has no place for (said by the schema rule and hover). */
export const DROPPED_ON_DEFINE: Message = M.droppedOnDefine();

/** Where a document element stands in the schema. */
export type SchemaMatch =
  /** Known: the schema elements it may be. */
  | { readonly kind: 'known'; readonly ids: readonly number[] }
  /** Inside free-form content (<metadata>), or in a namespace the schema does not describe: anything goes. */
  | { readonly kind: 'open' }
  /** Not allowed where it is: libvirt does not read it. */
  | { readonly kind: 'unknown' };

const OPEN: SchemaMatch = { kind: 'open' };
const NONE: readonly ValueType[] = [];
const UNKNOWN: SchemaMatch = { kind: 'unknown' };

export class LibvirtSchema {
  readonly model: SchemaModel;
  private readonly childIndex: (Map<string, number[]> | undefined)[] = [];
  private readonly childMatchCache: (Map<string, SchemaMatch> | undefined)[] = [];
  private readonly attributeCache: (Map<string, readonly ValueType[]> | undefined)[] = [];

  constructor(model: SchemaModel) {
    this.model = model;
  }

  element(id: number): SchemaElement {
    return this.model.elements[id]!;
  }

  type(id: number): ValueType {
    return this.model.types[id]!;
  }

  /** The match of the document's root element. */
  rootMatch(name: string): SchemaMatch {
    const ids = this.model.root.filter((id) => this.element(id).n === name && !this.element(id).ns);
    return ids.length ? { kind: 'known', ids } : UNKNOWN;
  }

  /** The match of a child named `name` (with namespace `ns`, if prefixed) of an element matched as `parent`. */
  childMatch(parent: SchemaMatch, name: string, ns?: string): SchemaMatch {
    if (parent.kind !== 'known') return parent.kind === 'open' ? OPEN : UNKNOWN;
    if (parent.ids.length === 1 && ns === undefined) {
      // Most elements match one schema element: their children's matches are kept.
      const id = parent.ids[0]!;
      let cache = this.childMatchCache[id];
      if (!cache) this.childMatchCache[id] = cache = new Map();
      let match = cache.get(name);
      if (!match) cache.set(name, (match = this.computeChildMatch(parent, name, ns)));
      return match;
    }
    return this.computeChildMatch(parent, name, ns);
  }

  private computeChildMatch(parent: { readonly ids: readonly number[] }, name: string, ns: string | undefined): SchemaMatch {
    const ids: number[] = [];
    let open = false;
    for (const id of parent.ids) {
      for (const child of this.childrenNamed(id, name))
        if ((this.element(child).ns ?? undefined) === ns && !ids.includes(child)) ids.push(child);
      if (this.element(id).anyC) open = true;
    }
    if (ids.length) return { kind: 'known', ids };
    return open ? OPEN : UNKNOWN;
  }

  /** The match of any element of a document, found from its ancestors. */
  matchOf(element: XmlElement): SchemaMatch {
    const chain: XmlElement[] = [];
    for (let e: XmlElement | undefined = element; e; e = e.parent) chain.push(e);
    let match = this.rootMatch(chain.pop()!.name);
    while (chain.length) {
      const next = chain.pop()!;
      const { local, ns } = qualifiedName(next);
      if (ns === null) return OPEN;
      match = this.childMatch(match, local, ns);
      if (match.kind !== 'known') return match;
    }
    return match;
  }

  /**
   * The match of a tag being typed, named `tag` inside `parent`: the parsed element's own match when the parser
   * made one, else found from the parent (with the tag's prefix resolved there).
   */
  matchOfTag(parent: XmlElement | undefined, tag: string, element: XmlElement | undefined): SchemaMatch {
    if (element) return this.matchOf(element);
    if (!parent) return this.rootMatch(tag);
    const colon = tag.indexOf(':');
    if (colon < 0) return this.childMatch(this.matchOf(parent), tag, defaultNamespaceOf(parent));
    const ns = namespaceOfPrefix(parent, tag.slice(0, colon));
    return ns === null ? OPEN : this.childMatch(this.matchOf(parent), tag.slice(colon + 1), ns);
  }

  /** The children allowed in any of the matched elements, grouped by name (schema order): one name, its variants. */
  allowedChildren(match: SchemaMatch): { name: string; ns: string | undefined; ids: number[] }[] {
    if (match.kind !== 'known') return [];
    const groups = new Map<string, { name: string; ns: string | undefined; ids: number[] }>();
    for (const id of match.ids) {
      for (const child of this.element(id).c ?? []) {
        const { n: name, ns } = this.element(child);
        const key = `${ns ?? ''} ${name}`;
        const group = groups.get(key);
        if (!group) groups.set(key, { name, ns, ids: [child] });
        else if (!group.ids.includes(child)) group.ids.push(child);
      }
    }
    return [...groups.values()];
  }

  /** The types an attribute may have in the matched elements (empty when the attribute is unknown there). */
  attributeTypes(match: SchemaMatch, name: string): readonly ValueType[] {
    if (match.kind !== 'known') return NONE;
    if (match.ids.length === 1) return this.singleAttributeTypes(match.ids[0]!, name);
    const types: ValueType[] = [];
    for (const id of match.ids) {
      const type = this.element(id).a?.[name];
      if (type !== undefined) types.push(this.type(type));
    }
    return types;
  }

  /** Attribute names allowed in any of the matched elements. */
  attributeNames(match: SchemaMatch): string[] {
    if (match.kind !== 'known') return [];
    const names = new Set<string>();
    for (const id of match.ids) for (const name of Object.keys(this.element(id).a ?? {})) names.add(name);
    return [...names];
  }

  allowsAnyAttribute(match: SchemaMatch): boolean {
    return match.kind !== 'known' || match.ids.some((id) => this.element(id).anyA === 1);
  }

  /** Types of the text content of the matched elements; undefined when one of them takes no text. */
  textTypes(match: SchemaMatch): ValueType[] | undefined {
    if (match.kind !== 'known') return undefined;
    const types: ValueType[] = [];
    for (const id of match.ids) {
      const text = this.element(id).t;
      if (text === undefined) return undefined;
      types.push(this.type(text));
    }
    return types;
  }

  /** One element's attribute type as a one-element list, kept: most elements match one schema element. */
  private singleAttributeTypes(id: number, name: string): readonly ValueType[] {
    let cache = this.attributeCache[id];
    if (!cache) {
      cache = new Map();
      for (const [attribute, type] of Object.entries(this.element(id).a ?? {})) cache.set(attribute, [this.type(type)]);
      this.attributeCache[id] = cache;
    }
    return cache.get(name) ?? NONE;
  }

  private childrenNamed(id: number, name: string): number[] {
    let index = this.childIndex[id];
    if (!index) {
      index = new Map();
      for (const child of this.element(id).c ?? []) {
        const childName = this.element(child).n;
        const list = index.get(childName);
        if (list) list.push(child);
        else index.set(childName, [child]);
      }
      this.childIndex[id] = index;
    }
    return index.get(name) ?? [];
  }
}

const LOOK_UP = Symbol('look up the default namespace');

/**
 * An element's local name and namespace URI: undefined for libvirt's own (no namespace), null when its
 * prefix is not declared. `defaultNamespace` is the parent's default namespace when the caller knows it.
 */
export function qualifiedName(
  element: XmlElement,
  defaultNamespace: string | undefined | typeof LOOK_UP = LOOK_UP,
): { local: string; ns: string | undefined | null } {
  const colon = element.name.indexOf(':');
  if (colon < 0) {
    const own = element.attributes.find((attr) => attr.name === 'xmlns');
    if (own) return { local: element.name, ns: own.value || undefined };
    return { local: element.name, ns: defaultNamespace === LOOK_UP ? declared(element.parent, 'xmlns') || undefined : defaultNamespace };
  }
  return { local: element.name.slice(colon + 1), ns: declared(element, `xmlns:${element.name.slice(0, colon)}`) };
}

/** The namespace bound to `prefix` where `element` is (null when undeclared). */
function namespaceOfPrefix(element: XmlElement, prefix: string): string | null {
  return declared(element, `xmlns:${prefix}`);
}

/** The prefix bound to namespace `ns` where `element` is, if one is. */
export function prefixFor(element: XmlElement, ns: string): string | undefined {
  return nearestDeclaration(element, (attr) => attr.name.startsWith('xmlns:') && attr.value === ns)?.name.slice('xmlns:'.length);
}

/** The namespace an element's unprefixed children are in. */
export function defaultNamespaceOf(element: XmlElement): string | undefined {
  return declared(element, 'xmlns') || undefined;
}

/** The value of the nearest declaration `name` (xmlns or xmlns:prefix) on the element or its ancestors. */
function declared(element: XmlElement | undefined, name: string): string | null {
  return nearestDeclaration(element, (attr) => attr.name === name)?.value ?? null;
}

/** The nearest attribute, on the element or its ancestors, that `test` accepts. */
function nearestDeclaration(element: XmlElement | undefined, test: (attr: XmlAttribute) => boolean): XmlAttribute | undefined {
  for (let e = element; e; e = e.parent) {
    for (const attr of e.attributes) if (test(attr)) return attr;
  }
  return undefined;
}

/** A schema built on first use. */
function lazily(model: unknown): () => LibvirtSchema {
  let loaded: LibvirtSchema | undefined;
  return () => {
    loaded ??= new LibvirtSchema(model as SchemaModel);
    return loaded;
  };
}

/** The schema of libvirt's domain XML (domain.rng). */
export const domainSchema = lazily(domainJson);
/** The schema of libvirt's network XML (network.rng). */
export const networkSchema = lazily(networkJson);
/** The schema of libvirt's storage pool XML (storagepool.rng). */
export const storagePoolSchema = lazily(storagePoolJson);
/** The schema of libvirt's storage volume XML (storagevol.rng). */
export const storageVolSchema = lazily(storageVolJson);
