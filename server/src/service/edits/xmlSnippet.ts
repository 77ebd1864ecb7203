// Builds XML text in the document's style: its quote character and indentation.

import type { DocumentStyle } from './documentStyle';

export interface ElementSpec {
  readonly name: string;
  readonly attributes?: ReadonlyArray<readonly [string, string]>;
  readonly children?: readonly ElementSpec[];
  readonly text?: string;
}

export function escapeAttribute(value: string, quote: '"' | "'"): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === "'" ? escaped.replace(/'/g, '&apos;') : escaped.replace(/"/g, '&quot;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attributeText(name: string, value: string, style: DocumentStyle): string {
  return `${name}=${style.quote}${escapeAttribute(value, style.quote)}${style.quote}`;
}

/** The element as lines, the first without indentation and the others indented below `indent`. */
export function renderElement(spec: ElementSpec, style: DocumentStyle, indent: string): string {
  const attributes = (spec.attributes ?? []).map(([name, value]) => ` ${attributeText(name, value, style)}`).join('');
  const open = `<${spec.name}${attributes}`;
  if (spec.text !== undefined) return `${open}>${escapeText(spec.text)}</${spec.name}>`;
  if (!spec.children?.length) return `${open}/>`;
  const childIndent = indent + style.indentUnit;
  const children = spec.children.map((child) => `${childIndent}${renderElement(child, style, childIndent)}`);
  return [`${open}>`, ...children, `${indent}</${spec.name}>`].join(style.eol);
}
