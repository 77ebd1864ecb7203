// Hover documentation for element and attribute names (and attribute values): our short text, what libvirt's
// schema allows there, and the link to the matching section of libvirt's documentation page for the kind.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { attributeAt, elementPath, type XmlElement } from '../xml/xmlTree';
import { DROPPED_ON_DEFINE } from './libvirtSchema';
import type { SchemaGuide } from './schemaGuide';
import { describeTypes } from './valueTypes';

const NOT_IN_SCHEMA = `Not in libvirt's schema here: ${DROPPED_ON_DEFINE}.`;

/** Docs for the tag name or attribute under `offset`; null elsewhere (text content, whitespace). */
export function schemaDocsHover(guide: SchemaGuide, document: TextDocument, element: XmlElement, offset: number): Hover | null {
  const path = elementPath(element);
  const attr = attributeAt(element, offset);
  const schemaModel = guide.schema();
  if (attr) {
    const match = schemaModel.matchOf(element);
    const types = schemaModel.attributeTypes(match, attr.name);
    const doc = guide.docFor(path, attr.name);
    const lines = [`**${attr.name}** on \`<${element.name}>\`${doc ? ` — ${doc.text}` : ''}`];
    if (types.length) lines.push(`Takes ${describeTypes(types)}.`);
    else if (match.kind === 'known' && !schemaModel.allowsAnyAttribute(match)) lines.push(NOT_IN_SCHEMA);
    if (doc) lines.push(`[libvirt documentation](${doc.section})`);
    if (lines.length === 1) return null;
    const end = attr.quote ? attr.valueEnd + 1 : attr.nameEnd;
    return {
      contents: { kind: 'markdown', value: lines.join('\n\n') },
      range: { start: document.positionAt(attr.nameStart), end: document.positionAt(end) },
    };
  }
  const onStartTag = offset >= element.start + 1 && offset <= element.nameEnd;
  const onEndTag = element.endTagStart >= 0 && offset >= element.endTagStart + 2 && offset <= element.endTagStart + 2 + element.name.length;
  if (!onStartTag && !onEndTag) return null;
  const doc = guide.docFor(path);
  const match = schemaModel.matchOf(element);
  const lines = [`**<${element.name}>**${doc ? ` — ${doc.text}` : ''}`];
  if (match.kind === 'unknown') lines.push(NOT_IN_SCHEMA);
  if (doc) lines.push(`[libvirt documentation](${doc.section})`);
  if (lines.length === 1) return null;
  const start = onStartTag ? element.start + 1 : element.endTagStart + 2;
  return {
    contents: { kind: 'markdown', value: lines.join('\n\n') },
    range: { start: document.positionAt(start), end: document.positionAt(start + element.name.length) },
  };
}
