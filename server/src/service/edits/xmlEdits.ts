// Minimal edits to a user's XML, by offsets: change or add one attribute, remove an element with its line, add a
// child in the parent's indentation. Nothing outside the changed span is touched.

import type { XmlAttribute, XmlElement } from '../xml/xmlTree';
import { attribute } from '../xml/xmlTree';
import { type DocumentStyle, indentOf, lineIndent, lineStart } from './documentStyle';
import { attributeText, type ElementSpec, escapeAttribute, escapeText, renderElement } from './xmlSnippet';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface EditContext {
  readonly text: string;
  readonly style: DocumentStyle;
}

export function replaceAttributeValue(attr: XmlAttribute, value: string, { style }: EditContext): OffsetEdit {
  if (attr.quote === '') {
    return { start: attr.valueStart, end: attr.valueEnd, newText: `${style.quote}${escapeAttribute(value, style.quote)}${style.quote}` };
  }
  return { start: attr.valueStart, end: attr.valueEnd, newText: escapeAttribute(value, attr.quote) };
}

/** Sets an attribute: its value when present, else a new one after the last attribute. */
export function setAttribute(element: XmlElement, name: string, value: string, context: EditContext): OffsetEdit {
  const existing = attribute(element, name);
  if (existing) return replaceAttributeValue(existing, value, context);
  const last = element.attributes[element.attributes.length - 1];
  const at = last ? last.valueEnd + (last.quote ? 1 : 0) : element.nameEnd;
  return { start: at, end: at, newText: ` ${attributeText(name, value, context.style)}` };
}

export function removeAttribute(element: XmlElement, attr: XmlAttribute, { text }: EditContext): OffsetEdit {
  const end = attr.valueEnd + (attr.quote ? 1 : 0);
  let start = attr.nameStart;
  while (start > element.nameEnd && /[ \t\r\n]/.test(text[start - 1])) start--;
  return { start, end, newText: '' };
}

/** Replaces the text of an element: all of it between the tags for a text-only element, else its trimmed span. */
export function replaceText(element: XmlElement, value: string): OffsetEdit {
  if (element.children.length === 0 && element.endTagStart >= 0)
    return { start: element.startTagEnd, end: element.endTagStart, newText: escapeText(value) };
  if (element.textStart >= 0) return { start: element.textStart, end: element.textEnd, newText: escapeText(value) };
  return { start: element.startTagEnd, end: element.startTagEnd, newText: escapeText(value) };
}

/** Removes an element; when it stands alone on its lines, the whole lines go with it. */
export function removeElement(element: XmlElement, { text }: EditContext): OffsetEdit {
  const indent = lineIndent(text, element.start);
  let end = element.end;
  const rest = /^[ \t]*(\r?\n|$)/.exec(text.slice(end, end + 200));
  if (indent !== undefined && rest) {
    end += rest[0].length;
    return { start: element.start - indent.length, end, newText: '' };
  }
  return { start: element.start, end: element.end, newText: '' };
}

/** Replaces an element (its whole text) with another built from a spec, at the same indentation. */
export function replaceElement(element: XmlElement, spec: ElementSpec, { text, style }: EditContext): OffsetEdit {
  return { start: element.start, end: element.end, newText: renderElement(spec, style, indentOf(text, element)) };
}

/**
 * Adds a child at the end of `parent` (or before `before`), on its own line, one level deeper than the parent.
 * A self-closing parent is opened up.
 */
export function insertChild(parent: XmlElement, spec: ElementSpec, context: EditContext, before?: XmlElement): OffsetEdit {
  return insertChildren(parent, [spec], context, before);
}

/** Like insertChild, for several children in one edit (edits at one offset would otherwise race). */
export function insertChildren(parent: XmlElement, specs: readonly ElementSpec[], context: EditContext, before?: XmlElement): OffsetEdit {
  const { text, style } = context;
  const parentIndent = indentOf(text, parent);
  const childIndent = siblingIndent(parent, text) ?? parentIndent + style.indentUnit;
  const rendered = specs.map((spec) => renderElement(spec, style, childIndent)).join(`${style.eol}${childIndent}`);
  if (before) {
    const beforeIndent = lineIndent(text, before.start);
    if (beforeIndent !== undefined) {
      const at = before.start - beforeIndent.length;
      return { start: at, end: at, newText: `${childIndent}${rendered}${style.eol}` };
    }
    return { start: before.start, end: before.start, newText: `${rendered}${style.eol}${childIndent}` };
  }
  if (parent.selfClosing) {
    // <features/> becomes <features>…</features>: replace from the '/>' to the end.
    const slash = text.lastIndexOf('/', parent.end - 1);
    return { start: slash, end: parent.end, newText: `>${style.eol}${childIndent}${rendered}${style.eol}${parentIndent}</${parent.name}>` };
  }
  if (parent.endTagStart < 0) {
    return { start: parent.end, end: parent.end, newText: `${style.eol}${childIndent}${rendered}` };
  }
  const endIndent = lineIndent(text, parent.endTagStart);
  if (endIndent !== undefined) {
    const at = lineStart(text, parent.endTagStart);
    return { start: at, end: at, newText: `${childIndent}${rendered}${style.eol}` };
  }
  return {
    start: parent.endTagStart,
    end: parent.endTagStart,
    newText: `${style.eol}${childIndent}${rendered}${style.eol}${parentIndent}`,
  };
}

/** The indentation the parent's existing children use, when they stand on their own lines. */
function siblingIndent(parent: XmlElement, text: string): string | undefined {
  for (const child of parent.children) {
    const indent = lineIndent(text, child.start);
    if (indent !== undefined) return indent;
  }
  return undefined;
}

/** Applies offset edits to a text as LSP does: non-overlapping, edits at one offset in their array order. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.newText;
    at = Math.max(at, edit.end);
  }
  return result + text.slice(at);
}
