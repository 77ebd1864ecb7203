// The user's formatting, read from the document, so that our edits look like their own: quote character,
// indentation unit, line ending, and the indentation of any element.

import type { XmlDocument, XmlElement } from '../xml/xmlTree';

export interface DocumentStyle {
  readonly quote: '"' | "'";
  /** One level of indentation ('  ', '    ', '\t'). */
  readonly indentUnit: string;
  readonly eol: '\n' | '\r\n';
}

export function documentStyle(document: XmlDocument): DocumentStyle {
  let single = 0;
  let double = 0;
  let unit: string | undefined;
  const visit: XmlElement[] = document.root ? [document.root] : [];
  // A bounded look at the first elements is enough to learn a style.
  for (let seen = 0; visit.length > 0 && seen < 400; seen++) {
    const element = visit.shift()!;
    for (const attr of element.attributes) {
      if (attr.quote === "'") single++;
      else if (attr.quote === '"') double++;
    }
    if (unit === undefined && element.parent) {
      const parentIndent = lineIndent(document.text, element.parent.start);
      const indent = lineIndent(document.text, element.start);
      if (parentIndent !== undefined && indent?.startsWith(parentIndent) && indent.length > parentIndent.length) {
        unit = indent.slice(parentIndent.length);
      }
    }
    visit.push(...element.children);
  }
  return {
    quote: double > single ? '"' : "'",
    indentUnit: unit ?? '  ',
    eol: document.text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** The blanks before `offset` on its line, or undefined when something else stands before it on that line. */
export function lineIndent(text: string, offset: number): string | undefined {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n') start--;
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The offset where the line holding `offset` begins. */
export function lineStart(text: string, offset: number): number {
  const newline = text.lastIndexOf('\n', offset - 1);
  return newline + 1;
}

/** The indentation of an element: its own line's, or (when it shares a line) that line's leading blanks. */
export function indentOf(text: string, element: XmlElement): string {
  const own = lineIndent(text, element.start);
  if (own !== undefined) return own;
  const start = lineStart(text, element.start);
  return /^[ \t]*/.exec(text.slice(start, element.start))![0];
}
