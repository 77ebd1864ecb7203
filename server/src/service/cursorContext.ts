// What the cursor is in, for completion and hover: a tag name being typed, an attribute name or value, or an
// element's text. Read from the text around the cursor (the document is usually broken while the user types)
// and placed in the tree the tolerant parser built.

import { SIMPLE_NAME } from './xml/xmlNames';
import type { XmlDocument, XmlElement } from './xml/xmlTree';

export type CursorContext =
  /** `<dis|`: a new element's name inside `parent`; `prefixStart` is just after the '<'. */
  | { readonly kind: 'element-name'; readonly parent: XmlElement; readonly prefix: string; readonly prefixStart: number }
  /** `<disk ty|`: an attribute name of the tag named `tag` inside `parent`. */
  | {
      readonly kind: 'attribute-name';
      readonly parent: XmlElement | undefined;
      readonly tag: string;
      readonly element: XmlElement | undefined;
      readonly present: readonly string[];
      readonly prefix: string;
      readonly prefixStart: number;
    }
  /** `<target bus='vi|`: the value of `attribute` of the tag named `tag`. */
  | {
      readonly kind: 'attribute-value';
      readonly parent: XmlElement | undefined;
      readonly tag: string;
      readonly element: XmlElement | undefined;
      readonly attribute: string;
      readonly present: ReadonlyMap<string, string>;
      readonly prefix: string;
      readonly prefixStart: number;
      readonly quote: string;
    }
  /** `</|`: the end tag of `element`, the innermost one still open. */
  | { readonly kind: 'end-tag'; readonly element: XmlElement; readonly prefix: string; readonly prefixStart: number }
  /** `<on_reboot>res|`: the text of `element`. */
  | { readonly kind: 'text'; readonly element: XmlElement; readonly prefix: string; readonly prefixStart: number };

const NAME = SIMPLE_NAME;
const ATTRIBUTE = `${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*')`;
const TAG_NAME = new RegExp(`^<(${NAME})?$`);
const END_TAG = new RegExp(`^</(${NAME})?$`);
const ATTRIBUTE_NAME = new RegExp(`^<(${NAME})((?:\\s+${ATTRIBUTE})*)\\s+(${NAME})?$`);
const ATTRIBUTE_VALUE = new RegExp(`^<(${NAME})((?:\\s+${ATTRIBUTE})*)\\s+(${NAME})\\s*=\\s*(["'])([^"']*)$`);
const ATTRIBUTES = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
/** How far back a tag may start: a start tag longer than this is not being typed by hand. */
const MAX_TAG = 4096;

export function cursorContextAt(xml: XmlDocument, offset: number): CursorContext | undefined {
  const { text, root } = xml;
  if (!root) return undefined;
  const from = Math.max(0, offset - MAX_TAG);
  const lt = text.lastIndexOf('<', offset - 1);
  const gt = text.lastIndexOf('>', offset - 1);
  if (lt >= from && lt > gt) {
    const tag = text.slice(lt, offset);
    const parent = containerAt(root, lt);
    let match = TAG_NAME.exec(tag);
    if (match) return parent ? { kind: 'element-name', parent, prefix: match[1] ?? '', prefixStart: lt + 1 } : undefined;
    match = END_TAG.exec(tag);
    if (match) {
      const open = innermostOpen(root, lt);
      return open ? { kind: 'end-tag', element: open, prefix: match[1] ?? '', prefixStart: lt + 2 } : undefined;
    }
    match = ATTRIBUTE_VALUE.exec(tag);
    if (match) {
      const element = elementStartingAt(parent ?? root, lt);
      const prefix = match[5]!;
      return {
        kind: 'attribute-value',
        parent,
        tag: match[1]!,
        element,
        attribute: match[3]!,
        present: attributesOf(match[2]!, element),
        prefix,
        prefixStart: offset - prefix.length,
        quote: match[4]!,
      };
    }
    match = ATTRIBUTE_NAME.exec(tag);
    if (match) {
      const element = elementStartingAt(parent ?? root, lt);
      const prefix = match[3] ?? '';
      return {
        kind: 'attribute-name',
        parent,
        tag: match[1]!,
        element,
        present: [...attributesOf(match[2]!, element).keys()],
        prefix,
        prefixStart: offset - prefix.length,
      };
    }
    return undefined;
  }
  if (gt < 0) return undefined;
  const element = containerAt(root, offset);
  if (!element) return undefined;
  const prefix = /[^\s<>]*$/.exec(text.slice(Math.max(gt + 1, offset - 200), offset))![0];
  return { kind: 'text', element, prefix, prefixStart: offset - prefix.length };
}

/** The innermost element whose content holds `offset` and that has no end tag before it (the one `</` closes). */
function innermostOpen(root: XmlElement, offset: number): XmlElement | undefined {
  for (let element = containerAt(root, offset); element; element = element.parent) {
    if (!element.closed || element.endTagStart === offset) return element;
  }
  return undefined;
}

/** The attributes written in the tag so far, and (when the parser saw the whole tag) those after the cursor. */
function attributesOf(written: string, element: XmlElement | undefined): Map<string, string> {
  const present = new Map<string, string>();
  for (const attr of element?.attributes ?? []) present.set(attr.name, attr.value);
  for (const match of written.matchAll(ATTRIBUTES)) present.set(match[1]!, match[2] ?? match[3] ?? '');
  return present;
}

/** The deepest element whose content contains `offset` (the tag at `offset` itself is not its own container). */
function containerAt(root: XmlElement, offset: number): XmlElement | undefined {
  if (!contains(root, offset)) return undefined;
  let current = root;
  for (;;) {
    const child = childContaining(current.children, offset);
    if (!child) return current;
    current = child;
  }
}

function contentEnd(element: XmlElement): number {
  return element.closed ? (element.endTagStart >= 0 ? element.endTagStart : element.end) : element.end;
}

function contains(element: XmlElement, offset: number): boolean {
  if (element.selfClosing || element.startTagEnd > offset) return false;
  const end = contentEnd(element);
  return element.closed ? offset <= end : offset <= Math.max(end, element.startTagEnd);
}

/** Binary search: children are in document order and do not overlap. */
function childContaining(children: readonly XmlElement[], offset: number): XmlElement | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = children[middle]!;
    if (child.end < offset && child.closed) low = middle + 1;
    else if (child.start > offset) high = middle - 1;
    else {
      // An unclosed child's extent is uncertain: check its neighbours too.
      for (const candidate of [child, children[middle - 1], children[middle + 1]])
        if (candidate && contains(candidate, offset)) return candidate;
      return undefined;
    }
  }
  return undefined;
}

/** The element whose start tag begins at `start`, if the parser made one. */
function elementStartingAt(parent: XmlElement, start: number): XmlElement | undefined {
  if (parent.start === start) return parent;
  let low = 0;
  let high = parent.children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = parent.children[middle]!;
    if (child.start === start) return child;
    if (child.start < start) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
