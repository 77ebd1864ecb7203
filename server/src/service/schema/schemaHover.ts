// Hover documentation for element and attribute names (and attribute values): our short text, what libvirt's
// schema allows there, and the link to the matching section of libvirt's documentation page for the kind.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import type { Locale } from '../../l10n/locale';
import { type Message, messages, type Text } from '../../l10n/message';
import { render } from '../../l10n/render';
import { attributeAt, elementPath, type XmlElement } from '../xml/xmlTree';
import { DROPPED_ON_DEFINE } from './libvirtSchema';
import type { SchemaGuide } from './schemaGuide';
import { typesDescription } from './valueTypes';

const M = messages('schema-hover', {
  attribute: '**{attribute}** on `<{element}>`',
  attributeWithDoc: '**{attribute}** on `<{element}>` — {doc}',
  takes: 'Takes {types}.',
  notInSchema: "Not in libvirt's schema here: {dropped}.",
  documentation: '[libvirt documentation]({url})',
});

const NOT_IN_SCHEMA = M.notInSchema({ dropped: DROPPED_ON_DEFINE });

/** Hover lines as Markdown paragraphs, in `locale` (every hover's: this one, the domain's and the network's). */
export function paragraphs(lines: readonly Text[], locale: Locale): string {
  return lines.map((line) => render(line, locale)).join('\n\n');
}

/** The link to a section of libvirt's documentation (said by hover and completion). */
export function documentationLink(url: string): Message {
  return M.documentation({ url });
}

/** Docs for the tag name or attribute under `offset`, in `locale`; null elsewhere (text content, whitespace). */
export function schemaDocsHover(
  guide: SchemaGuide,
  document: TextDocument,
  element: XmlElement,
  offset: number,
  locale: Locale = 'en',
): Hover | null {
  const path = elementPath(element);
  const attr = attributeAt(element, offset);
  const schemaModel = guide.schema();
  if (attr) {
    const match = schemaModel.matchOf(element);
    const types = schemaModel.attributeTypes(match, attr.name);
    const doc = guide.docFor(path, attr.name);
    const lines: Text[] = [
      doc
        ? M.attributeWithDoc({ attribute: attr.name, element: element.name, doc: doc.text })
        : M.attribute({ attribute: attr.name, element: element.name }),
    ];
    if (types.length) lines.push(M.takes({ types: typesDescription(types) }));
    else if (match.kind === 'known' && !schemaModel.allowsAnyAttribute(match)) lines.push(NOT_IN_SCHEMA);
    if (doc) lines.push(documentationLink(doc.section));
    if (lines.length === 1) return null;
    const end = attr.quote ? attr.valueEnd + 1 : attr.nameEnd;
    return {
      contents: { kind: 'markdown', value: paragraphs(lines, locale) },
      range: { start: document.positionAt(attr.nameStart), end: document.positionAt(end) },
    };
  }
  const onStartTag = offset >= element.start + 1 && offset <= element.nameEnd;
  const onEndTag = element.endTagStart >= 0 && offset >= element.endTagStart + 2 && offset <= element.endTagStart + 2 + element.name.length;
  if (!onStartTag && !onEndTag) return null;
  const doc = guide.docFor(path);
  const match = schemaModel.matchOf(element);
  const lines: Text[] = [doc ? `**<${element.name}>** — ${render(doc.text, locale)}` : `**<${element.name}>**`];
  if (match.kind === 'unknown') lines.push(NOT_IN_SCHEMA);
  if (doc) lines.push(documentationLink(doc.section));
  if (lines.length === 1) return null;
  const start = onStartTag ? element.start + 1 : element.endTagStart + 2;
  return {
    contents: { kind: 'markdown', value: paragraphs(lines, locale) },
    range: { start: document.positionAt(start), end: document.positionAt(start + element.name.length) },
  };
}
