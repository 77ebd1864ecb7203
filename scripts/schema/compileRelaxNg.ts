// Turns a RelaxNG grammar (libvirt's domain.rng and the files it includes) into the compact schema model the
// language server loads: for every <element> of the grammar, its attributes with their value types, the
// elements allowed inside it, which of those are required, and the type of its text. Choices, groups and
// interleaves are flattened into "what may appear here": the model answers "is this name known here?" and
// "is this value allowed?", not "is this sequence valid?" — libvirt's parser ignores order anyway.

import type { DataType, SchemaElement, SchemaModel, ValueType } from '../../server/src/service/schema/schemaTypes';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import type { XmlElement } from '../../server/src/service/xml/xmlTree';

/** Reads an included file, by the href as written relative to the including file's directory. */
export type ReadFile = (path: string) => string;

interface Grammar {
  readonly start: XmlElement[];
  readonly defines: Map<string, XmlElement[]>;
}

const RNG_ELEMENTS = new Set([
  'element',
  'attribute',
  'group',
  'interleave',
  'choice',
  'optional',
  'zeroOrMore',
  'oneOrMore',
  'list',
  'mixed',
  'ref',
  'parentRef',
  'empty',
  'text',
  'value',
  'data',
  'notAllowed',
  'externalRef',
  'grammar',
]);

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The pattern children of a RelaxNG element (documentation and other namespaces left out). */
function patterns(element: XmlElement): XmlElement[] {
  return element.children.filter((child) => !child.name.includes(':') && RNG_ELEMENTS.has(child.name));
}

function attr(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/** Loads a grammar file with its includes: an include's own <define>s override the included file's. */
function loadGrammar(
  path: string,
  read: ReadFile,
  grammar: Grammar = { start: [], defines: new Map() },
  overridden = new Set<string>(),
): Grammar {
  const xml = parseXml(read(path));
  if (!xml.root || xml.errors.length > 0)
    throw new Error(`${path}: not a well-formed RelaxNG grammar${xml.errors[0] ? ` (${xml.errors[0].message})` : ''}`);
  if (localName(xml.root.name) !== 'grammar') throw new Error(`${path}: the root element is <${xml.root.name}>, not <grammar>`);
  for (const child of xml.root.children) {
    const name = localName(child.name);
    if (name === 'include') {
      const href = attr(child, 'href');
      if (!href) throw new Error(`${path}: <include> without href`);
      const overrides = new Set(overridden);
      for (const define of child.children.filter((c) => localName(c.name) === 'define')) overrides.add(attr(define, 'name')!);
      loadGrammar(directoryOf(path) + href, read, grammar, overrides);
      for (const define of child.children.filter((c) => localName(c.name) === 'define')) addDefine(grammar, define, overridden);
    } else if (name === 'define') {
      addDefine(grammar, child, overridden);
    } else if (name === 'start') {
      grammar.start.push(...patterns(child));
    } else if (name === 'div') {
      throw new Error(`${path}: <div> is not supported by this compiler`);
    }
  }
  return grammar;
}

function addDefine(grammar: Grammar, define: XmlElement, overridden: ReadonlySet<string>): void {
  const name = attr(define, 'name');
  if (!name) throw new Error('<define> without a name');
  if (overridden.has(name)) return;
  const combine = attr(define, 'combine');
  const existing = grammar.defines.get(name);
  // Without combine= a later definition replaces; with combine="choice"/"interleave" both contribute (for
  // "is it allowed" purposes both mean "either may appear").
  if (existing && combine) existing.push(...patterns(define));
  else grammar.defines.set(name, patterns(define));
}

interface Required {
  readonly attributes: Set<string>;
  readonly children: Map<string, XmlElement[]>;
}

interface Collected {
  readonly attributes: Map<string, { types: XmlElement[]; required: boolean }>;
  readonly children: Map<XmlElement, boolean>;
  readonly text: XmlElement[];
  anyAttributes: boolean;
  anyChildren: boolean;
  hasText: boolean;
}

export interface CompileOptions {
  /** Where the grammar came from, recorded in the model. */
  readonly source: string;
  readonly version: string;
  readonly license: string;
}

export function compileRelaxNg(path: string, read: ReadFile, options: CompileOptions): SchemaModel {
  const grammar = loadGrammar(path, read);
  const ids = new Map<XmlElement, number>();
  const elements: SchemaElement[] = [];
  const types: ValueType[] = [];
  const typeIds = new Map<string, number>();
  const queue: XmlElement[] = [];

  const resolve = (ref: XmlElement): XmlElement[] => {
    const name = attr(ref, 'name')!;
    const body = grammar.defines.get(name);
    if (!body) throw new Error(`<ref name="${name}"> to an undefined pattern`);
    return body;
  };

  const idOf = (element: XmlElement): number => {
    let id = ids.get(element);
    if (id === undefined) {
      id = ids.size;
      ids.set(element, id);
      queue.push(element);
    }
    return id;
  };

  const typeId = (type: ValueType): number => {
    const key = JSON.stringify(type);
    let id = typeIds.get(key);
    if (id === undefined) {
      id = types.length;
      types.push(type);
      typeIds.set(key, id);
    }
    return id;
  };

  /** The value type of an attribute's or an element's text content patterns. */
  const valueType = (content: readonly XmlElement[]): ValueType => {
    const values = new Set<string>();
    const data: DataType[] = [];
    let any = content.length === 0;
    const seen = new Set<XmlElement>();
    const walk = (pattern: XmlElement): void => {
      switch (pattern.name) {
        case 'value':
          values.add(pattern.text);
          break;
        case 'data':
          data.push(dataType(pattern));
          break;
        case 'text':
        case 'list':
        case 'attribute':
          any = true;
          break; // an <attribute> without content takes any text
        case 'empty':
          values.add('');
          break;
        case 'ref': {
          for (const body of resolve(pattern))
            if (!seen.has(body)) {
              seen.add(body);
              walk(body);
            }
          break;
        }
        case 'choice':
        case 'group':
        case 'optional':
        case 'zeroOrMore':
        case 'oneOrMore':
        case 'interleave':
        case 'mixed':
          for (const child of patterns(pattern)) walk(child);
          break;
        default:
          break;
      }
    };
    for (const pattern of content) walk(pattern);
    if (any) return { any: 1 };
    const type: { v?: string[]; d?: DataType[] } = {};
    if (values.size) type.v = [...values];
    if (data.length) type.d = dedupe(data);
    return type;
  };

  const collect = (element: XmlElement): Collected => {
    const collected: Collected = {
      attributes: new Map(),
      children: new Map(),
      text: [],
      anyAttributes: false,
      anyChildren: false,
      hasText: false,
    };
    const visiting = new Set<XmlElement>();
    // `required` collects what must appear wherever the walk is (null: inside optional content). A choice requires
    // what every one of its branches requires (children compared by name: branches define their own <source>s).
    const walk = (pattern: XmlElement, required: Required | null): void => {
      switch (pattern.name) {
        case 'attribute': {
          const name = attr(pattern, 'name');
          if (!name) {
            collected.anyAttributes = true;
            break;
          }
          const entry = collected.attributes.get(name);
          const content = patterns(pattern);
          if (entry) entry.types.push(...(content.length ? content : [pattern]));
          else collected.attributes.set(name, { types: content.length ? content : [pattern], required: false });
          required?.attributes.add(name);
          break;
        }
        case 'element': {
          const name = attr(pattern, 'name');
          if (!name) {
            collected.anyChildren = true;
            break;
          }
          if (!collected.children.has(pattern)) collected.children.set(pattern, false);
          if (required) required.children.set(name, [...(required.children.get(name) ?? []), pattern]);
          break;
        }
        case 'ref': {
          for (const body of resolve(pattern)) {
            if (visiting.has(body)) continue;
            visiting.add(body);
            walk(body, required);
            visiting.delete(body);
          }
          break;
        }
        case 'group':
        case 'interleave':
        case 'oneOrMore':
        case 'mixed':
          if (pattern.name === 'mixed') collected.hasText = true;
          for (const child of patterns(pattern)) walk(child, required);
          break;
        case 'choice': {
          const branches = patterns(pattern).map((branch) => {
            const inBranch: Required | null = required ? { attributes: new Set(), children: new Map() } : null;
            walk(branch, inBranch);
            return inBranch;
          });
          if (!required) break;
          const all = branches as Required[];
          for (const name of all[0]?.attributes ?? []) if (all.every((b) => b.attributes.has(name))) required.attributes.add(name);
          for (const [name, nodes] of all[0]?.children ?? []) {
            if (!all.every((b) => b.children.has(name))) continue;
            required.children.set(name, [
              ...(required.children.get(name) ?? []),
              ...nodes,
              ...all.slice(1).flatMap((b) => b.children.get(name)!),
            ]);
          }
          break;
        }
        case 'optional':
        case 'zeroOrMore':
          for (const child of patterns(pattern)) walk(child, null);
          break;
        case 'text':
        case 'data':
        case 'value':
        case 'list':
          collected.hasText = true;
          collected.text.push(pattern);
          break;
        default:
          break; // empty, notAllowed
      }
    };
    const required: Required = { attributes: new Set(), children: new Map() };
    for (const pattern of patterns(element)) walk(pattern, required);
    for (const name of required.attributes) collected.attributes.get(name)!.required = true;
    for (const nodes of required.children.values()) for (const node of nodes) collected.children.set(node, true);
    return collected;
  };

  const root = grammar.start.flatMap(function roots(pattern): number[] {
    if (pattern.name === 'element') return [idOf(pattern)];
    if (pattern.name === 'ref') return resolve(pattern).flatMap(roots);
    if (pattern.name === 'choice') return patterns(pattern).flatMap(roots);
    return [];
  });

  for (let i = 0; i < queue.length; i++) {
    const element = queue[i]!;
    const collected = collect(element);
    const schemaElement: SchemaElement = { n: attr(element, 'name')! };
    const ns = inheritedNamespace(element);
    if (ns) schemaElement.ns = ns;
    if (collected.attributes.size) {
      schemaElement.a = {};
      const required: string[] = [];
      for (const [name, { types: content, required: isRequired }] of collected.attributes) {
        schemaElement.a[name] = typeId(valueType(content));
        if (isRequired) required.push(name);
      }
      if (required.length) schemaElement.ra = required;
    }
    if (collected.children.size) {
      schemaElement.c = [...collected.children.keys()].map(idOf);
      const required = [...collected.children].filter(([, isRequired]) => isRequired).map(([child]) => idOf(child));
      if (required.length) schemaElement.rc = required;
    }
    if (collected.hasText) schemaElement.t = typeId(valueType(collected.text));
    if (collected.anyAttributes) schemaElement.anyA = 1;
    if (collected.anyChildren) schemaElement.anyC = 1;
    elements[i] = schemaElement;
  }

  return { source: options.source, version: options.version, license: options.license, root, elements, types };
}

/** An element's namespace: its own ns= or, as RelaxNG has it, the nearest ancestor's in the grammar file. */
function inheritedNamespace(element: XmlElement): string | undefined {
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    const ns = attr(e, 'ns');
    if (ns !== undefined) return ns || undefined;
  }
  return undefined;
}

function dataType(data: XmlElement): DataType {
  const type: DataType = { t: attr(data, 'type') ?? 'string' };
  for (const param of data.children.filter((c) => c.name === 'param')) {
    const value = param.text.trim();
    switch (attr(param, 'name')) {
      case 'pattern':
        type.p = value;
        break;
      case 'minInclusive':
        type.min = Number(value);
        break;
      case 'maxInclusive':
        type.max = Number(value);
        break;
      case 'minLength':
        type.minLen = Number(value);
        break;
      case 'maxLength':
        type.maxLen = Number(value);
        break;
      default:
        break;
    }
  }
  const except = data.children.find((c) => c.name === 'except');
  if (except) {
    const excluded: string[] = [];
    const walk = (pattern: XmlElement): void => {
      if (pattern.name === 'value') excluded.push(pattern.text);
      else for (const child of patterns(pattern)) walk(child);
    };
    for (const child of patterns(except)) walk(child);
    if (excluded.length) type.not = excluded;
  }
  return type;
}

function dedupe(data: DataType[]): DataType[] {
  const seen = new Set<string>();
  return data.filter((type) => {
    const key = JSON.stringify(type);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
