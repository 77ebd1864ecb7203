// Where in a document a rule points: an attribute's value, else the element's tag name.

import type { Span } from '../languageTypes';
import type { XmlElement } from '../xml/xmlTree';
import { attribute, nameSpan, valueSpan } from '../xml/xmlTree';

/** The value of `element`'s attribute `name` if it has one, else the element's tag name. */
export function attributeOrTagSpan(element: XmlElement, name: string): Span {
  const attr = attribute(element, name);
  return attr ? valueSpan(attr) : nameSpan(element);
}

/** The element's trimmed text, else its tag name. */
export function textOrTagSpan(element: XmlElement): Span {
  return element.textStart >= 0 ? { start: element.textStart, end: element.textEnd } : nameSpan(element);
}

export { nameSpan as tagSpan, valueSpan };
