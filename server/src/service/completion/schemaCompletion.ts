// Completion from libvirt's schema: element names valid at the cursor (inserted with their required
// attributes and children as a snippet), attribute names of the element, attribute values and element text
// from enumerations.

import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-types';
import type { Locale } from '../../l10n/locale';
import { render } from '../../l10n/render';
import type { CursorContext } from '../cursorContext';
import type { DocumentStyle } from '../edits/documentStyle';
import { type LibvirtSchema, prefixFor } from '../schema/libvirtSchema';
import { type Doc, type SchemaGuide, suggestedValues, type UsualValues } from '../schema/schemaGuide';
import { documentationLink } from '../schema/schemaHover';
import type { ValueType } from '../schema/schemaTypes';
import { acceptsValue, enumeratedValues, typesDescription } from '../schema/valueTypes';
import { elementPath, type XmlElement } from '../xml/xmlTree';

function markdown(doc: Doc | undefined, locale: Locale): MarkupContent | undefined {
  return doc && { kind: 'markdown', value: `${render(doc.text, locale)}\n\n${render(documentationLink(doc.section), locale)}` };
}

/** The element names from the root to the tag being written. */
function tagPath(context: { parent: XmlElement | undefined; tag: string }): string[] {
  return [...(context.parent ? elementPath(context.parent) : []), context.tag];
}

export function elementNameItems(
  guide: SchemaGuide,
  context: Extract<CursorContext, { kind: 'element-name' }>,
  range: Range,
  style: DocumentStyle,
  indent: string,
  locale: Locale = 'en',
): CompletionItem[] {
  const schemaModel = guide.schema();
  const match = schemaModel.matchOf(context.parent);
  const parentPath = elementPath(context.parent);
  const present = new Set(context.parent.children.filter((child) => child.start !== context.prefixStart - 1).map((child) => child.name));
  return schemaModel.allowedChildren(match).map((group, index) => {
    // A namespaced element under its declared prefix; the qemu one is conventionally qemu: (the rule then asks to declare it).
    const prefix = group.ns && (prefixFor(context.parent, group.ns) ?? (group.ns.includes('/qemu/') ? 'qemu' : undefined));
    const name = prefix ? `${prefix}:${group.name}` : group.name;
    const path = [...parentPath, group.name];
    return {
      label: name,
      kind: CompletionItemKind.Module,
      detail: group.ns ? `<${name}> (${group.ns})` : `<${name}>`,
      documentation: markdown(guide.docFor(path), locale),
      // Elements not written yet first; then the schema's order.
      sortText: `${present.has(name) ? 1 : 0}${String(index).padStart(4, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      // The snippet carries the document's own indentation: the editor must not add its own.
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range, newText: elementSnippet(schemaModel, guide.usual, group.ids, name, path, style, indent) },
    };
  });
}

/** A placeholder for a value: a choice of the enumeration (preferred value first), a default, or empty. */
function placeholder(tabstop: number, types: readonly ValueType[], preferred: string | undefined): string {
  const values = enumeratedValues(types);
  // Any datatype (free text, a pattern, a number) means the enumeration is not the whole story: no fixed choice.
  if (types.some((type) => type.any || type.d?.length) || values.length === 0)
    return preferred ? `\${${tabstop}:${escapeSnippet(preferred)}}` : `\${${tabstop}}`;
  const ordered = preferred && values.includes(preferred) ? [preferred, ...values.filter((v) => v !== preferred)] : values;
  return ordered.length === 1 ? `\${${tabstop}:${escapeSnippet(ordered[0]!)}}` : `\${${tabstop}|${ordered.map(escapeChoice).join(',')}|}`;
}

/**
 * The snippet text (after the '<') of an element — given as its schema variants — with the attributes every
 * variant requires plus the typical ones, its text, and the children every variant requires.
 */
function elementSnippet(
  schemaModel: LibvirtSchema,
  usual: UsualValues,
  ids: readonly number[],
  name: string,
  path: readonly string[],
  style: DocumentStyle,
  indent: string,
): string {
  let tabstop = 1;
  const q = style.quote;
  const variants = (list: readonly number[]) => list.map((id) => schemaModel.element(id));
  const attributesOf = (list: readonly number[], elementPath: readonly string[]): string => {
    const elements = variants(list);
    const local = elements[0]!.n;
    const required = elements.map((e) => e.ra ?? []).reduce((a, b) => a.filter((n) => b.includes(n)));
    const typical = usual.typical[elementPath.slice(-2).join('/')] ?? usual.typical[local] ?? [];
    // The usual ones in their usual order (type before device), then what else the schema requires.
    const names = [...new Set([...typical, ...required])].filter((n) => elements.some((e) => e.a?.[n] !== undefined));
    return names
      .map((attribute) => {
        const types = elements.flatMap((e) => (e.a?.[attribute] !== undefined ? [schemaModel.type(e.a[attribute]!)] : []));
        return ` ${attribute}=${q}${placeholder(tabstop++, types, usual.preferred[`${local}@${attribute}`])}${q}`;
      })
      .join('');
  };
  const textOf = (list: readonly number[]): string | undefined => {
    const elements = variants(list);
    if (elements.some((e) => e.t === undefined || e.c?.length)) return undefined;
    return placeholder(
      tabstop++,
      elements.map((e) => schemaModel.type(e.t!)),
      usual.preferred[`${elements[0]!.n}#text`],
    );
  };
  const elements = variants(ids);
  const head = `${name}${attributesOf(ids, path)}`;
  // Children every variant requires, each by name with all its variants.
  const requiredNames = elements
    .map((e) =>
      (e.rc ?? [])
        .map((child) => schemaModel.element(child))
        .filter((child) => !child.ns)
        .map((child) => child.n),
    )
    .reduce((a, b) => a.filter((n) => b.includes(n)));
  if (requiredNames.length) {
    const inner = [...new Set(requiredNames)].map((childName) => {
      const childIds = elements.flatMap((e) => (e.rc ?? []).filter((child) => schemaModel.element(child).n === childName));
      const childPath = [...path, childName];
      const attributes = attributesOf(childIds, childPath);
      const text = textOf(childIds);
      // A required child that holds elements of its own (a hostdev's <source>) is left open for them, with a tab stop.
      const holdsElements = childIds.some((child) => schemaModel.element(child).c?.length);
      const body = text !== undefined ? `>${text}</${childName}>` : holdsElements ? `>\${${tabstop++}}</${childName}>` : '/>';
      return `${indent}${style.indentUnit}<${childName}${attributes}${body}`;
    });
    return `${head}>${style.eol}${inner.join(style.eol)}${style.eol}${indent}${style.indentUnit}$0${style.eol}${indent}</${name}>`;
  }
  const text = textOf(ids);
  if (text !== undefined) return `${head}>${text}</${name}>$0`;
  if (elements.some((e) => e.c?.length || e.t !== undefined || e.anyC)) return `${head}>$0</${name}>`;
  return `${head}/>$0`;
}

export function attributeNameItems(
  guide: SchemaGuide,
  context: Extract<CursorContext, { kind: 'attribute-name' }>,
  range: Range,
  style: DocumentStyle,
  locale: Locale = 'en',
): CompletionItem[] {
  const schemaModel = guide.schema();
  const match = schemaModel.matchOfTag(context.parent, context.tag, context.element);
  const path = tagPath(context);
  const required = new Set(match.kind === 'known' ? match.ids.flatMap((id) => schemaModel.element(id).ra ?? []) : []);
  const present = new Set(context.present);
  return schemaModel
    .attributeNames(match)
    .filter((name) => !present.has(name))
    .map((name) => {
      const types = schemaModel.attributeTypes(match, name);
      const values = enumeratedValues(types);
      const choice = values.length > 1 ? `\${1|${values.map(escapeChoice).join(',')}|}` : '$1';
      return {
        label: name,
        kind: CompletionItemKind.Property,
        detail: render(typesDescription(types), locale),
        documentation: markdown(guide.docFor(path, name), locale),
        sortText: `${required.has(name) ? 0 : 1}${name}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `${name}=${style.quote}${choice}${style.quote}` },
      };
    });
}

export function attributeValueItems(
  guide: SchemaGuide,
  context: Extract<CursorContext, { kind: 'attribute-value' }>,
  range: Range,
  locale: Locale = 'en',
): CompletionItem[] {
  const schemaModel = guide.schema();
  const match = schemaModel.matchOfTag(context.parent, context.tag, context.element);
  const path = tagPath(context);
  const preferred = guide.usual.preferred[`${context.tag.slice(context.tag.indexOf(':') + 1)}@${context.attribute}`];
  return valueItems(
    schemaModel.attributeTypes(match, context.attribute),
    suggestedValues(guide.usual, path, context.attribute),
    guide.docFor(path, context.attribute),
    preferred,
    range,
    locale,
  );
}

export function textItems(
  guide: SchemaGuide,
  context: Extract<CursorContext, { kind: 'text' }>,
  range: Range,
  locale: Locale = 'en',
): CompletionItem[] {
  const schemaModel = guide.schema();
  const types = schemaModel.textTypes(schemaModel.matchOf(context.element));
  if (!types) return [];
  const path = elementPath(context.element);
  return valueItems(types, suggestedValues(guide.usual, path), guide.docFor(path), undefined, range, locale);
}

/** The common values where the schema has a pattern (those that match it), then the schema's enumeration. */
function valueItems(
  types: readonly ValueType[],
  suggested: readonly string[],
  doc: Doc | undefined,
  preferred: string | undefined,
  range: Range,
  locale: Locale,
): CompletionItem[] {
  const documentation = markdown(doc, locale);
  const values = [...new Set([...suggested.filter((value) => acceptsValue(types, value)), ...enumeratedValues(types)])];
  return values.map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    documentation,
    sortText: value === preferred ? '0' : `1${String(index).padStart(4, '0')}`,
    preselect: value === preferred || undefined,
    textEdit: { range, newText: value },
  }));
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}
