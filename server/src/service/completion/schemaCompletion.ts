// Completion from libvirt's schema: element names valid at the cursor (inserted with their required
// attributes and children as a snippet), attribute names of the element, attribute values and element text
// from enumerations.

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent } from 'vscode-languageserver-types';
import type { DocumentStyle } from '../edits/documentStyle';
import type { CursorContext } from '../cursorContext';
import { domainSchema, qualifiedName, type DomainSchema, type SchemaMatch } from '../schema/domainSchema';
import { docFor, elementPath } from '../schema/elementDocs';
import { describeTypes, enumeratedValues } from '../schema/valueTypes';
import type { XmlElement } from '../xml/xmlTree';

/** Attributes worth filling in when an element is inserted, beyond the schema's required ones. */
const TYPICAL_ATTRIBUTES: Record<string, readonly string[]> = {
  disk: ['type', 'device'],
  interface: ['type'],
  controller: ['type', 'index', 'model'],
  hostdev: ['mode', 'type', 'managed'],
  graphics: ['type'],
  input: ['type', 'bus'],
  'disk/target': ['dev', 'bus'],
  'disk/driver': ['name', 'type'],
  'video/model': ['type'],
  'interface/model': ['type'],
  'interface/source': [],
  memballoon: ['model'],
  memory: ['unit'],
  currentMemory: ['unit'],
  vcpu: ['placement'],
  cpu: ['mode'],
  'os/type': ['arch', 'machine'],
  address: ['type'],
  boot: ['order'],
  channel: ['type'],
  serial: ['type'],
  console: ['type'],
  rng: ['model'],
  tpm: ['model'],
  sound: ['model'],
  video: [],
  filesystem: ['type'],
};

/** Preferred first values in snippets' choices (otherwise the schema's order). */
const PREFERRED_VALUES: Record<string, string> = {
  'disk@type': 'file', 'disk@device': 'disk', 'target@bus': 'virtio', 'interface@type': 'network', 'model@type': 'virtio',
  'driver@name': 'qemu', 'driver@type': 'qcow2', 'hostdev@mode': 'subsystem', 'hostdev@type': 'pci', 'hostdev@managed': 'yes',
  'graphics@type': 'spice', 'input@type': 'tablet', 'input@bus': 'usb', 'memballoon@model': 'virtio', 'cpu@mode': 'host-passthrough',
  'controller@type': 'pci', 'address@type': 'pci', 'memory@unit': 'GiB', 'currentMemory@unit': 'GiB', 'vcpu@placement': 'static',
  'type@arch': 'x86_64', 'channel@type': 'unix', 'serial@type': 'pty', 'console@type': 'pty', 'rng@model': 'virtio', 'tpm@model': 'tpm-crb',
  'sound@model': 'ich9',
};

export function schemaMatchOfTag(schemaModel: DomainSchema, parent: XmlElement | undefined, tag: string, element: XmlElement | undefined): SchemaMatch {
  if (element) return schemaModel.matchOf(element);
  if (!parent) return schemaModel.rootMatch(tag);
  const colon = tag.indexOf(':');
  const ns = colon < 0 ? undefined : qualifiedName({ ...parent, name: `${tag.slice(0, colon)}:x`, parent }).ns ?? undefined;
  return schemaModel.childMatch(schemaModel.matchOf(parent), colon < 0 ? tag : tag.slice(colon + 1), ns);
}

function markdown(doc: { text: string; section: string } | undefined, extra?: string): MarkupContent | undefined {
  if (!doc && !extra) return undefined;
  const parts = [doc?.text, extra, doc ? `[libvirt documentation](${doc.section})` : undefined].filter(Boolean);
  return { kind: 'markdown', value: parts.join('\n\n') };
}

export function elementNameItems(context: Extract<CursorContext, { kind: 'element-name' }>, style: DocumentStyle, indent: string): CompletionItem[] {
  const schemaModel = domainSchema();
  const match = schemaModel.matchOf(context.parent);
  const parentPath = elementPath(context.parent);
  const present = new Set(context.parent.children.map((child) => child.name));
  return schemaModel.allowedChildren(match).map((id, index) => {
    const element = schemaModel.element(id);
    const name = element.ns ? prefixedName(context.parent, element.ns, element.n) : element.n;
    const path = [...parentPath, element.n];
    return {
      label: name,
      kind: CompletionItemKind.Module,
      detail: element.ns ? `<${name}> (${element.ns})` : `<${name}>`,
      documentation: markdown(docFor(path)),
      // Elements not written yet first; then the schema's order.
      sortText: `${present.has(name) ? 1 : 0}${String(index).padStart(4, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: undefined as never, newText: elementSnippet(schemaModel, id, name, path, style, indent) },
      data: { start: context.prefixStart },
    };
  });
}

function prefixedName(parent: XmlElement, ns: string, local: string): string {
  for (let e: XmlElement | undefined = parent; e; e = e.parent) {
    for (const attr of e.attributes) if (attr.name.startsWith('xmlns:') && attr.value === ns) return `${attr.name.slice(6)}:${local}`;
  }
  return ns.includes('/qemu/') ? `qemu:${local}` : local;
}

/** The snippet text (after the '<') of an element with its required and typical attributes and required children. */
export function elementSnippet(schemaModel: DomainSchema, id: number, name: string, path: readonly string[], style: DocumentStyle, indent: string): string {
  let tabstop = 1;
  const q = style.quote;
  const attributesOf = (elementId: number, elementPath: readonly string[]): string => {
    const element = schemaModel.element(elementId);
    const key = elementPath.slice(-2).join('/');
    const names = [...new Set([...(element.ra ?? []), ...(TYPICAL_ATTRIBUTES[key] ?? TYPICAL_ATTRIBUTES[element.n] ?? [])])].filter((n) => element.a?.[n] !== undefined);
    return names.map((attribute) => {
      const values = enumeratedValues([schemaModel.type(element.a![attribute]!)]);
      const preferred = PREFERRED_VALUES[`${element.n}@${attribute}`];
      const ordered = preferred && values.includes(preferred) ? [preferred, ...values.filter((v) => v !== preferred)] : values;
      const placeholder = ordered.length > 1 ? `\${${tabstop++}|${ordered.map(escapeChoice).join(',')}|}` : ordered.length === 1 ? `\${${tabstop++}:${escapeSnippet(ordered[0]!)}}` : `\${${tabstop++}}`;
      return ` ${attribute}=${q}${placeholder}${q}`;
    }).join('');
  };
  const element = schemaModel.element(id);
  const head = `${name}${attributesOf(id, path)}`;
  const required = (element.rc ?? []).filter((child) => !schemaModel.element(child).ns);
  if (required.length) {
    const inner = required.map((child) => {
      const childElement = schemaModel.element(child);
      const childPath = [...path, childElement.n];
      const takesText = childElement.t !== undefined && !childElement.c?.length;
      return `${indent}${style.indentUnit}<${childElement.n}${attributesOf(child, childPath)}${takesText ? `>\${${tabstop++}}</${childElement.n}>` : '/>'}`;
    });
    return `${head}>${style.eol}${inner.join(style.eol)}${style.eol}${indent}${style.indentUnit}$0${style.eol}${indent}</${name}>`;
  }
  if (element.c?.length || element.t !== undefined || element.anyC) return `${head}>$0</${name}>`;
  return `${head}/>$0`;
}

export function attributeNameItems(context: Extract<CursorContext, { kind: 'attribute-name' }>, style: DocumentStyle): CompletionItem[] {
  const schemaModel = domainSchema();
  const match = schemaMatchOfTag(schemaModel, context.parent, context.tag, context.element);
  const path = [...(context.parent ? elementPath(context.parent) : []), context.tag];
  const required = new Set(match.kind === 'known' ? match.ids.flatMap((id) => schemaModel.element(id).ra ?? []) : []);
  const present = new Set(context.present);
  return schemaModel.attributeNames(match).filter((name) => !present.has(name)).map((name) => {
    const types = schemaModel.attributeTypes(match, name);
    const values = enumeratedValues(types);
    const choice = values.length > 1 ? `\${1|${values.map(escapeChoice).join(',')}|}` : '$1';
    return {
      label: name,
      kind: CompletionItemKind.Property,
      detail: describeTypes(types),
      documentation: markdown(docFor(path, name)),
      sortText: `${required.has(name) ? 0 : 1}${name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: undefined as never, newText: `${name}=${style.quote}${choice}${style.quote}` },
      data: { start: context.prefixStart },
    };
  });
}

export function attributeValueItems(context: Extract<CursorContext, { kind: 'attribute-value' }>): CompletionItem[] {
  const schemaModel = domainSchema();
  const match = schemaMatchOfTag(schemaModel, context.parent, context.tag, context.element);
  const path = [...(context.parent ? elementPath(context.parent) : []), context.tag];
  const types = schemaModel.attributeTypes(match, context.attribute);
  const doc = docFor(path, context.attribute);
  return enumeratedValues(types).map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    documentation: markdown(doc),
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: undefined as never, newText: value },
    data: { start: context.prefixStart },
  }));
}

export function textItems(context: Extract<CursorContext, { kind: 'text' }>): CompletionItem[] {
  const schemaModel = domainSchema();
  const types = schemaModel.textTypes(schemaModel.matchOf(context.element));
  if (!types) return [];
  const doc = docFor(elementPath(context.element));
  return enumeratedValues(types).map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    documentation: markdown(doc),
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: undefined as never, newText: value },
    data: { start: context.prefixStart },
  }));
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}
