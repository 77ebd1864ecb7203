// The tree produced by the tolerant XML parser. Every node carries character offsets into the source text,
// so that diagnostics and edits can point at an exact attribute value or tag name.

import type { Text } from '../../l10n/message';

export interface XmlAttribute {
  readonly name: string;
  /** The value with character and predefined entity references decoded. */
  readonly value: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Offsets of the value between its quotes (equal to nameEnd when the value is missing). */
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly quote: '"' | "'" | '';
}

export interface XmlElement {
  readonly name: string;
  /** Offset of the '<' that opens the start tag. */
  readonly start: number;
  readonly nameEnd: number;
  /** Offset just after the start tag's '>' (or where the broken start tag was cut off). */
  startTagEnd: number;
  /** Offset just after the end tag, the self-closing '/>', or the last content when never closed. */
  end: number;
  selfClosing: boolean;
  /** False when the element had no end tag (a syntax error): its apparent children may be its siblings. */
  closed: boolean;
  /** Offset of the '<' of the end tag (-1 when self-closing or never closed). */
  endTagStart: number;
  readonly attributes: XmlAttribute[];
  readonly children: XmlElement[];
  readonly parent: XmlElement | undefined;
  /** Decoded text directly inside this element (not in children), untrimmed. */
  text: string;
  /** Span of the direct text's first to last non-blank character (both -1 when there is none). */
  textStart: number;
  textEnd: number;
}

export interface XmlSyntaxError {
  readonly message: Text;
  readonly start: number;
  readonly end: number;
  /** An edit that repairs this error, when the parser can tell what was meant. */
  readonly repair?: SyntaxRepair;
}

export interface SyntaxRepair {
  readonly title: Text;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement | undefined;
  readonly errors: XmlSyntaxError[];
}

export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  for (const attr of element.attributes) if (attr.name === name) return attr;
  return undefined;
}

export function attributeValue(element: XmlElement | undefined, name: string): string | undefined {
  return element ? attribute(element, name)?.value : undefined;
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) if (child.name === name) return child;
  return undefined;
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

/** The element names from the root down to `element`. */
export function elementPath(element: XmlElement): string[] {
  const names: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) names.push(e.name);
  return names.reverse();
}

/** Trimmed direct text of an element. */
export function textOf(element: XmlElement | undefined): string | undefined {
  return element ? element.text.trim() : undefined;
}

/** Offsets of the element's tag name in its start tag: where a diagnostic about the element belongs. */
export function nameSpan(element: XmlElement): { start: number; end: number } {
  return { start: element.start + 1, end: element.nameEnd };
}

/** Offsets of an attribute's value, or of its name when the value is empty. */
export function valueSpan(attr: XmlAttribute): { start: number; end: number } {
  return attr.valueEnd > attr.valueStart ? { start: attr.valueStart, end: attr.valueEnd } : { start: attr.nameStart, end: attr.nameEnd };
}

/** The innermost element whose text contains `offset`, or undefined outside the root. */
export function elementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let level = root;
  while (level && offset >= level.start && offset <= level.end) {
    found = level;
    level = level.children.find((child) => offset >= child.start && offset <= child.end);
  }
  return found;
}

/** The attribute of `element` whose name or quoted value contains `offset`. */
export function attributeAt(element: XmlElement, offset: number): XmlAttribute | undefined {
  return element.attributes.find(
    (attr) =>
      (offset >= attr.nameStart && offset <= attr.nameEnd) || (attr.quote !== '' && offset >= attr.valueStart && offset <= attr.valueEnd),
  );
}

/** The element itself or its closest ancestor named `name`. */
export function enclosing(element: XmlElement | undefined, name: string): XmlElement | undefined {
  for (let current = element; current; current = current.parent) if (current.name === name) return current;
  return undefined;
}
