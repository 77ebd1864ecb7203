// A tolerant, single-pass XML parser. It never throws, never recurses (any nesting depth is fine), never
// expands entities beyond the five predefined ones and character references, and never touches files or
// the network: a DOCTYPE is skipped, its entity names are only remembered so that references to them are
// not reported. Syntax errors are collected with exact offsets and parsing goes on, so that everything that
// can still be analysed is analysed.

import { type Message, messages } from '../../l10n/message';
import { SIMPLE_NAME } from './xmlNames';
import type { SyntaxRepair, XmlAttribute, XmlDocument, XmlElement, XmlSyntaxError } from './xmlTree';

// The syntax errors and their repairs (shown by the xml-syntax rule). Built only when there is an error.
const M = messages('xml-syntax', {
  neverClosed: 'Element <{name}> is never closed.',
  notClosedBefore: 'Element <{name}> is not closed before </{endTag}>.',
  closeHere: 'Close <{name}> here',
  noRoot: 'The document has no root element.',
  secondRoot: 'Only one root element is allowed.',
  invalidCharacter: 'Character U+{code} is not allowed in XML.',
  textBeforeRoot: 'Text before the root element is not allowed.',
  textAfterRoot: 'Text after the root element is not allowed.',
  removeStrayText: 'Remove the stray text',
  bareAmpersand: "'&' must start a reference such as &amp; or &#38;.",
  escapeAmpersand: 'Escape it as &amp;',
  undefinedEntity: "Entity '{name}' is not defined.",
  invalidCharacterReference: 'Character reference {reference} is not a valid XML character.',
  bareLessThan: "'<' is not followed by a tag name (write &lt; for a literal '<').",
  escapeLessThan: 'Escape it as &lt;',
  doubleHyphenInComment: "'--' is not allowed inside a comment.",
  commentNeverClosed: 'Comment is never closed with -->.',
  cdataNeverClosed: 'CDATA section is never closed with ]]>.',
  cdataOutsideElement: 'CDATA is only allowed inside an element.',
  doctypeAfterRoot: 'DOCTYPE is only allowed before the root element.',
  doctypeNeverClosed: 'DOCTYPE is never closed.',
  instructionWithoutTarget: 'Processing instruction has no target name.',
  declarationNotAtStart: 'The XML declaration is only allowed at the very start of the document.',
  instructionNeverClosed: "Processing instruction is never closed with '?>'.",
  startTagNotClosed: "Start tag <{name}> is not closed with '>'.",
  startTagNeverClosed: "Start tag <{name}> is never closed with '>'.",
  unexpectedCharacter: "Unexpected character '{character}' in start tag <{name}>.",
  attributesNotSeparated: 'Attributes must be separated by white space (is a closing quote missing?).',
  closeValue: "Close the value of '{name}' with {quote}",
  attributeWithoutValue: "Attribute '{name}' has no value.",
  valueNotQuoted: "The value of attribute '{name}' must be in quotes.",
  putValueInQuotes: 'Put the value in quotes',
  attributeTwice: "Attribute '{name}' is given twice.",
  removeRepeated: "Remove the repeated {name}='{value}'",
  lessThanInValue: "'<' is not allowed in the value of attribute '{name}' (or its closing quote is missing).",
  valueNeverClosed: "The value of attribute '{name}' is never closed with {quote}.",
  endTagWithoutName: "'</' is not followed by a tag name.",
  endTagNotClosed: "End tag </{name}> is not closed with '>'.",
  endTagMismatch: 'End tag </{name}> does not match the open element <{open}>.',
  endTagUnmatched: 'End tag </{name}> has no matching start tag.',
  changeEndTag: 'Change to </{name}>',
  removeStrayEndTag: 'Remove the stray </{name}>',
});

/** Beyond this many, further syntax errors are dropped: binary garbage must not produce megabytes of them. */
export const MAX_SYNTAX_ERRORS = 100;

// XML 1.0 (fifth edition) NameStartChar and NameChar, as libxml2 applies them.
const NAME_START =
  'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}0-9.\\-\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'y');
const REFERENCE = new RegExp(`&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(${SIMPLE_NAME}));`, 'y');
/** A value that swallowed the next attribute's name (a missing quote): `a b=`. */
const TRAILING_ATTRIBUTE_NAME = new RegExp(`^([\\s\\S]*?)(\\s+${SIMPLE_NAME}=)$`);
const INVALID_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A-Z a-z _ : */
function isAsciiNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a;
}

/** A name start, 0-9 . - */
function isAsciiNameChar(code: number): boolean {
  return isAsciiNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
}

interface MutableElement extends XmlElement {
  attributes: XmlAttribute[];
  children: XmlElement[];
}

export function parseXml(text: string): XmlDocument {
  return new Parser(text).parse();
}

class Parser {
  private readonly errors: XmlSyntaxError[] = [];
  private readonly stack: MutableElement[] = [];
  private readonly declaredEntities = new Set<string>();
  private root: MutableElement | undefined;
  private pos = 0;
  private attributeNamesOf: XmlElement | undefined;
  private attributeNames = new Set<string>();

  constructor(private readonly text: string) {}

  parse(): XmlDocument {
    const text = this.text;
    this.reportInvalidCharacters();
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      const textEnd = lt === -1 ? text.length : lt;
      if (textEnd > this.pos) this.content(this.pos, textEnd);
      if (lt === -1) break;
      this.markup(lt);
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i];
      this.error(M.neverClosed({ name: open.name }), open.start + 1, open.nameEnd, this.closeRepair(open, text.length));
      open.end = text.length;
    }
    if (!this.root) this.error(M.noRoot(), 0, Math.min(text.length, 1));
    this.errors.sort((a, b) => a.start - b.start);
    return { text, root: this.root, errors: this.errors };
  }

  private error(message: Message, start: number, end: number, repair?: SyntaxRepair): void {
    if (this.errors.length < MAX_SYNTAX_ERRORS) this.errors.push({ message, start, end: Math.max(end, start), repair });
  }

  /** Inserting `</name>` for an element left open, at `at`, on a line of its own when `at` starts one. */
  private closeRepair(element: XmlElement, at: number): SyntaxRepair {
    const text = this.text;
    let lineStart = at;
    while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
    const ownLine = lineStart === 0 || text[lineStart - 1] === '\n';
    let indentStart = element.start;
    while (indentStart > 0 && (text[indentStart - 1] === ' ' || text[indentStart - 1] === '\t')) indentStart--;
    const indent = text.slice(indentStart, element.start);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const title = M.closeHere({ name: element.name });
    if (ownLine) return { title, start: lineStart, end: lineStart, newText: `${indent}</${element.name}>${eol}` };
    if (at === text.length) return { title, start: at, end: at, newText: `${eol}${indent}</${element.name}>` };
    return { title, start: at, end: at, newText: `</${element.name}>` };
  }

  private reportInvalidCharacters(): void {
    INVALID_CHAR.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = INVALID_CHAR.exec(this.text)) && this.errors.length < MAX_SYNTAX_ERRORS) {
      const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.error(M.invalidCharacter({ code }), match.index, match.index + 1);
    }
  }

  /** An XML name at `at`: ASCII names (nearly all) by a character loop, anything else by the full Unicode rule. */
  private readName(at: number): string | undefined {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first < 0x80) {
      if (!isAsciiNameStart(first)) return undefined;
      let i = at + 1;
      let code = text.charCodeAt(i);
      while (code < 0x80 && isAsciiNameChar(code)) code = text.charCodeAt(++i);
      // Stopped on ASCII that ends the name (or at the end: NaN): done. On a non-ASCII character, the full rule.
      if (!(code >= 0x80)) return text.slice(at, i);
    }
    NAME.lastIndex = at;
    return NAME.test(text) ? text.slice(at, NAME.lastIndex) : undefined;
  }

  private skipBlank(at: number): number {
    const text = this.text;
    while (isBlank(text.charCodeAt(at))) at++;
    return at;
  }

  /** Character data between markup: decoded into the open element, or checked to be blank outside it. */
  private content(start: number, end: number): void {
    // Most text between tags is indentation: recognise it without allocating anything.
    if (this.skipBlank(start) >= end) return;
    const parent = this.stack[this.stack.length - 1];
    const decoded = this.decode(start, end);
    if (parent) {
      this.appendText(parent, decoded, start, end);
    } else if (decoded.trim() !== '') {
      const raw = this.text.slice(start, end);
      const first = start + raw.length - raw.trimStart().length;
      const message = this.root ? M.textAfterRoot() : M.textBeforeRoot();
      const last = start + raw.trimEnd().length;
      this.error(message, first, Math.min(end, first + 1), { title: M.removeStrayText(), start: first, end: last, newText: '' });
    }
  }

  private appendText(element: MutableElement, decoded: string, start: number, end: number): void {
    element.text += decoded;
    const first = this.skipBlank(start);
    if (first >= end) return;
    let last = end;
    while (last > first && isBlank(this.text.charCodeAt(last - 1))) last--;
    if (element.textStart < 0) element.textStart = first;
    element.textEnd = last;
  }

  /** Decodes references in text[start, end), reporting malformed ones. */
  private decode(start: number, end: number): string {
    const text = this.text;
    // Search within the slice: an indexOf over the rest of a large document for every text node is quadratic.
    const raw = text.slice(start, end);
    const firstAmp = raw.indexOf('&');
    if (firstAmp === -1) return raw;
    let amp = start + firstAmp;
    let out = '';
    let from = start;
    while (amp !== -1 && amp < end) {
      out += text.slice(from, amp);
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(text);
      if (!match || REFERENCE.lastIndex > end) {
        this.error(M.bareAmpersand(), amp, amp + 1, {
          title: M.escapeAmpersand(),
          start: amp,
          end: amp + 1,
          newText: '&amp;',
        });
        out += '&';
        from = amp + 1;
      } else {
        out += this.resolveReference(match, amp);
        from = REFERENCE.lastIndex;
      }
      const next = raw.indexOf('&', from - start);
      amp = next === -1 ? -1 : start + next;
    }
    return out + text.slice(from, end);
  }

  private resolveReference(match: RegExpExecArray, at: number): string {
    const [whole, hex, decimal, name] = match;
    if (name !== undefined) {
      if (name in PREDEFINED) return PREDEFINED[name];
      if (!this.declaredEntities.has(name)) this.error(M.undefinedEntity({ name }), at, at + whole.length);
      return whole;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal, 10);
    const valid =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!valid) {
      this.error(M.invalidCharacterReference({ reference: whole }), at, at + whole.length);
      return '';
    }
    return String.fromCodePoint(code);
  }

  private markup(lt: number): void {
    const text = this.text;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) return this.comment(lt);
      if (text.startsWith('<![CDATA[', lt)) return this.cdata(lt);
      if (text.startsWith('<!DOCTYPE', lt)) return this.doctype(lt);
    } else if (next === 0x3f /* ? */) {
      return this.processingInstruction(lt);
    } else if (next === 0x2f /* / */) {
      return this.endTag(lt);
    } else if (this.readName(lt + 1) !== undefined) {
      return this.startTag(lt);
    }
    this.error(M.bareLessThan(), lt, lt + 1, {
      title: M.escapeLessThan(),
      start: lt,
      end: lt + 1,
      newText: '&lt;',
    });
    const parent = this.stack[this.stack.length - 1];
    if (parent) this.appendText(parent, '<', lt, lt + 1);
    this.pos = lt + 1;
  }

  private comment(lt: number): void {
    const close = this.text.indexOf('-->', lt + 4);
    const end = close === -1 ? this.text.length : close;
    const inner = this.text.slice(lt + 4, end).indexOf('--');
    const doubleHyphen = inner === -1 ? -1 : lt + 4 + inner;
    if (doubleHyphen !== -1) this.error(M.doubleHyphenInComment(), doubleHyphen, doubleHyphen + 2);
    if (close === -1) this.error(M.commentNeverClosed(), lt, lt + 4);
    this.pos = close === -1 ? this.text.length : close + 3;
  }

  private cdata(lt: number): void {
    const close = this.text.indexOf(']]>', lt + 9);
    const end = close === -1 ? this.text.length : close;
    const parent = this.stack[this.stack.length - 1];
    if (close === -1) this.error(M.cdataNeverClosed(), lt, lt + 9);
    if (parent) this.appendText(parent, this.text.slice(lt + 9, end), lt + 9, end);
    else this.error(M.cdataOutsideElement(), lt, lt + 9);
    this.pos = close === -1 ? this.text.length : close + 3;
  }

  /** Skips a DOCTYPE, including an internal subset, and remembers the entity names it declares. */
  private doctype(lt: number): void {
    const text = this.text;
    if (this.root) this.error(M.doctypeAfterRoot(), lt, lt + 9);
    let i = lt + 9;
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        i = close === -1 ? text.length : close + 1;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) break;
      else if (c === '<' && text.startsWith('<!ENTITY', i)) {
        const nameAt = this.skipBlank(i + 8);
        const name = text[nameAt] === '%' ? undefined : this.readName(nameAt);
        if (name) this.declaredEntities.add(name);
      } else if (c === '<' && text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        i = close === -1 ? text.length : close + 3;
        continue;
      }
      i++;
    }
    if (i >= text.length) this.error(M.doctypeNeverClosed(), lt, lt + 9);
    this.pos = Math.min(text.length, i + 1);
  }

  private processingInstruction(lt: number): void {
    const close = this.text.indexOf('?>', lt + 2);
    const target = this.readName(lt + 2);
    if (target === undefined) this.error(M.instructionWithoutTarget(), lt, lt + 2);
    else if (target.toLowerCase() === 'xml') {
      const allowedAt = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
      if (lt !== allowedAt) this.error(M.declarationNotAtStart(), lt, lt + 2 + target.length);
    }
    if (close === -1) this.error(M.instructionNeverClosed(), lt, lt + 2);
    this.pos = close === -1 ? this.text.length : close + 2;
  }

  private startTag(lt: number): void {
    const text = this.text;
    const name = this.readName(lt + 1)!;
    const nameEnd = lt + 1 + name.length;
    const parent = this.stack[this.stack.length - 1];
    const element: MutableElement = {
      name,
      start: lt,
      nameEnd,
      startTagEnd: nameEnd,
      end: nameEnd,
      selfClosing: false,
      closed: false,
      endTagStart: -1,
      attributes: [],
      children: [],
      parent,
      text: '',
      textStart: -1,
      textEnd: -1,
    };
    if (parent) parent.children.push(element);
    else if (!this.root) this.root = element;
    else this.error(M.secondRoot(), lt + 1, nameEnd);

    let i = nameEnd;
    let closed: 'open' | 'self' | 'cut' = 'cut';
    while (i < text.length) {
      const afterBlank = this.skipBlank(i);
      const c = text[afterBlank];
      if (c === '>') {
        i = afterBlank + 1;
        closed = 'open';
        break;
      }
      if (c === '/' && text[afterBlank + 1] === '>') {
        i = afterBlank + 2;
        closed = 'self';
        break;
      }
      if (c === undefined) {
        i = afterBlank;
        break;
      }
      if (c === '<') {
        this.error(M.startTagNotClosed({ name }), lt + 1, nameEnd);
        i = afterBlank;
        break;
      }
      const attrName = this.readName(afterBlank);
      if (attrName === undefined) {
        this.error(M.unexpectedCharacter({ character: c, name }), afterBlank, afterBlank + 1);
        i = afterBlank + 1;
        continue;
      }
      const separated = afterBlank !== i;
      if (!separated) this.error(M.attributesNotSeparated(), afterBlank, afterBlank + attrName.length, this.missingQuoteRepair(element));
      i = this.attribute(element, afterBlank, attrName, separated);
    }
    if (closed === 'cut' && i >= text.length) this.error(M.startTagNeverClosed({ name }), lt + 1, nameEnd);
    element.startTagEnd = i;
    element.end = i;
    this.pos = i;
    if (closed === 'self') {
      element.selfClosing = true;
      element.closed = true;
    } else this.stack.push(element);
  }

  /**
   * dev='vda bus='virtio': the previous value swallowed the next attribute's name; the quote belongs before it.
   */
  private missingQuoteRepair(element: MutableElement): SyntaxRepair | undefined {
    const previous = element.attributes[element.attributes.length - 1];
    if (!previous?.quote) return undefined;
    const raw = this.text.slice(previous.valueStart, previous.valueEnd);
    const match = TRAILING_ATTRIBUTE_NAME.exec(raw);
    if (!match) return undefined;
    const at = previous.valueStart + match[1].length;
    return { title: M.closeValue({ name: previous.name, quote: previous.quote }), start: at, end: at, newText: previous.quote };
  }

  /** Parses one attribute starting at its name; returns the offset after it. */
  private attribute(element: MutableElement, nameStart: number, name: string, separated: boolean): number {
    const text = this.text;
    const nameEnd = nameStart + name.length;
    const duplicate = this.isDuplicateAttribute(element, name);
    const eq = this.skipBlank(nameEnd);
    if (text[eq] !== '=') {
      if (separated) this.error(M.attributeWithoutValue({ name }), nameStart, nameEnd);
      element.attributes.push({ name, value: '', nameStart, nameEnd, valueStart: nameEnd, valueEnd: nameEnd, quote: '' });
      return nameEnd;
    }
    const q = this.skipBlank(eq + 1);
    const quote = text[q];
    if (quote !== '"' && quote !== "'") {
      const unquoted = /[^\s>/<]*/y;
      unquoted.lastIndex = q;
      unquoted.exec(text);
      const valueEnd = unquoted.lastIndex;
      this.error(M.valueNotQuoted({ name }), nameStart, Math.max(valueEnd, nameEnd), {
        title: M.putValueInQuotes(),
        start: q,
        end: valueEnd,
        newText: `'${text.slice(q, valueEnd).replace(/'/g, '&apos;')}'`,
      });
      element.attributes.push({ name, value: text.slice(q, valueEnd), nameStart, nameEnd, valueStart: q, valueEnd, quote: '' });
      return valueEnd;
    }
    const valueStart = q + 1;
    const quoteCode = quote.charCodeAt(0);
    let i = valueStart;
    let hasReference = false;
    for (;;) {
      // Up to the closing quote, a '<' (not allowed: a missing quote) or a reference.
      let code = text.charCodeAt(i);
      while (code !== quoteCode && code !== 0x3c /* < */ && code !== 0x26 /* & */ && i < text.length) code = text.charCodeAt(++i);
      if (code !== 0x26) break;
      hasReference = true;
      REFERENCE.lastIndex = i;
      i = REFERENCE.test(text) ? REFERENCE.lastIndex : i + 1;
    }
    const valueEnd = i;
    const value = hasReference ? this.decode(valueStart, valueEnd) : text.slice(valueStart, valueEnd);
    if (duplicate) {
      let removeFrom = nameStart;
      while (removeFrom > element.nameEnd && isBlank(text.charCodeAt(removeFrom - 1))) removeFrom--;
      const removeTo = text[valueEnd] === quote ? valueEnd + 1 : valueEnd;
      this.error(M.attributeTwice({ name }), nameStart, nameEnd, {
        title: M.removeRepeated({ name, value }),
        start: removeFrom,
        end: removeTo,
        newText: '',
      });
    }
    element.attributes.push({ name, value, nameStart, nameEnd, valueStart, valueEnd, quote });
    if (text[i] === quote) return i + 1;
    if (text[i] === '<') this.error(M.lessThanInValue({ name }), i, i + 1);
    else this.error(M.valueNeverClosed({ name, quote }), nameStart, nameEnd);
    return i;
  }

  /** A linear scan for the usual handful of attributes; a set once an element has many (hostile input). */
  private isDuplicateAttribute(element: MutableElement, name: string): boolean {
    const attributes = element.attributes;
    if (attributes.length < 16) {
      for (const attr of attributes) if (attr.name === name) return true;
      return false;
    }
    if (this.attributeNamesOf !== element) {
      this.attributeNamesOf = element;
      this.attributeNames = new Set(attributes.map((attr) => attr.name));
    }
    const seen = this.attributeNames.has(name);
    this.attributeNames.add(name);
    return seen;
  }

  private endTag(lt: number): void {
    const text = this.text;
    const name = this.readName(lt + 2);
    if (name === undefined) {
      this.error(M.endTagWithoutName(), lt, lt + 2);
      this.pos = lt + 2;
      return;
    }
    const nameEnd = lt + 2 + name.length;
    const gt = this.skipBlank(nameEnd);
    let end = gt;
    if (text[gt] === '>') end = gt + 1;
    else this.error(M.endTagNotClosed({ name }), lt + 2, nameEnd);
    this.pos = end;

    let match = -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i].name === name) {
        match = i;
        break;
      }
    }
    if (match === -1) {
      const open = this.stack[this.stack.length - 1];
      const message = open ? M.endTagMismatch({ name, open: open.name }) : M.endTagUnmatched({ name });
      const repair = open
        ? { title: M.changeEndTag({ name: open.name }), start: lt + 2, end: nameEnd, newText: open.name }
        : { title: M.removeStrayEndTag({ name }), start: lt, end, newText: '' };
      this.error(message, lt + 2, nameEnd, repair);
      return;
    }
    while (this.stack.length - 1 > match) {
      const unclosed = this.stack.pop()!;
      this.error(
        M.notClosedBefore({ name: unclosed.name, endTag: name }),
        unclosed.start + 1,
        unclosed.nameEnd,
        this.closeRepair(unclosed, lt),
      );
      unclosed.end = lt;
    }
    const element = this.stack.pop()!;
    element.end = end;
    element.endTagStart = lt;
    element.closed = true;
  }
}
