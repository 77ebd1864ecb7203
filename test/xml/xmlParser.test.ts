import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SYNTAX_ERRORS, parseXml } from '../../server/src/service/xml/xmlParser';
import { attribute, firstChild } from '../../server/src/service/xml/xmlTree';

describe('xmlParser', () => {
  it('gives every element and attribute exact offsets', () => {
    const text = `<domain type='kvm'>\n  <devices>\n    <address slot="0x04"/>\n  </devices>\n</domain>`;
    const { root, errors } = parseXml(text);
    assert.deepEqual(errors, []);
    const address = firstChild(firstChild(root, 'devices'), 'address')!;
    assert.equal(text.slice(address.start, address.end), '<address slot="0x04"/>');
    const slot = attribute(address, 'slot')!;
    assert.equal(text.slice(slot.valueStart, slot.valueEnd), '0x04');
    assert.equal(text.slice(slot.nameStart, slot.nameEnd), 'slot');
    assert.equal(slot.quote, '"');
    assert.equal(text.slice(root!.start, root!.end), text);
  });

  it('decodes references in text and attribute values', () => {
    const { root, errors } = parseXml(`<a v='x &amp; &#x41;&#66; &lt;'>1 &gt; 0 &quot;&apos;<![CDATA[<raw>]]></a>`);
    assert.deepEqual(errors, []);
    assert.equal(attribute(root!, 'v')!.value, 'x & AB <');
    assert.equal(root!.text, `1 > 0 "'<raw>`);
  });

  it('records the trimmed span of an element text', () => {
    const text = '<memory unit="KiB">\n  8388608 \n</memory>';
    const { root } = parseXml(text);
    assert.equal(text.slice(root!.textStart, root!.textEnd), '8388608');
  });

  it('reports an unclosed element at its start tag and keeps the rest of the tree', () => {
    const text = '<domain><devices><disk><target dev="vda"/></devices><memory>1</memory></domain>';
    const { root, errors } = parseXml(text);
    assert.equal(errors.length, 1);
    assert.equal(text.slice(errors[0].start, errors[0].end), 'disk');
    assert.deepEqual(
      root!.children.map((c) => c.name),
      ['devices', 'memory'],
    );
    assert.equal(attribute(firstChild(firstChild(firstChild(root, 'devices'), 'disk'), 'target')!, 'dev')!.value, 'vda');
  });

  it('reports elements still open at the end of the document', () => {
    const text = '<domain><devices><disk>';
    const { errors } = parseXml(text);
    assert.deepEqual(
      errors.map((e) => text.slice(e.start, e.end)),
      ['domain', 'devices', 'disk'],
    );
  });

  it('reports a stray end tag without closing anything', () => {
    const text = '<domain><name>x</name></devices><memory>1</memory></domain>';
    const { root, errors } = parseXml(text);
    assert.equal(errors.length, 1);
    assert.equal(text.slice(errors[0].start, errors[0].end), 'devices');
    assert.deepEqual(
      root!.children.map((c) => c.name),
      ['name', 'memory'],
    );
  });

  it('reports an unquoted attribute value and still reads it', () => {
    const { root, errors } = parseXml('<domain type=kvm></domain>');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0].message), /must be in quotes/);
    assert.equal(attribute(root!, 'type')!.value, 'kvm');
  });

  it('reports an undefined entity but not one declared in the DOCTYPE, and never expands either', () => {
    const { root, errors } = parseXml('<!DOCTYPE d [<!ENTITY known "expanded">]><d>&known;&unknown;</d>');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0].message), /Entity 'unknown' is not defined/);
    assert.equal(root!.text, '&known;&unknown;');
  });

  it('does not expand an entity bomb', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1 || ''};`.repeat(10)}">`);
    const text = `<!DOCTYPE domain [${lol.join('')}]><domain>&lol9;</domain>`;
    const started = performance.now();
    const { root } = parseXml(text);
    assert.ok(performance.now() - started < 100);
    assert.equal(root!.text, '&lol9;');
  });

  it('handles 10,000 levels of nesting without recursion', () => {
    const depth = 10_000;
    const text = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    const { root, errors } = parseXml(text);
    assert.deepEqual(errors, []);
    let deepest = root!;
    let levels = 1;
    while (deepest.children.length) {
      deepest = deepest.children[0];
      levels++;
    }
    assert.equal(levels, depth);
  });

  it('caps the number of errors on binary garbage and finishes quickly', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const garbage = Array.from({ length: 1_000_000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
    const started = performance.now();
    const { errors } = parseXml(garbage);
    assert.ok(performance.now() - started < 2000);
    assert.equal(errors.length, MAX_SYNTAX_ERRORS);
  });

  it('reports an XML declaration that is not at the start', () => {
    const { errors } = parseXml('\n<?xml version="1.0"?><d/>');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0].message), /only allowed at the very start/);
  });

  it('reports two root elements and text outside the root', () => {
    const { errors } = parseXml('x<a/><b/>');
    assert.deepEqual(
      errors.map((e) => String(e.message)),
      ['Text before the root element is not allowed.', 'Only one root element is allowed.'],
    );
  });

  it('reports unterminated comments, CDATA and attribute values', () => {
    const messages = (text: string) =>
      parseXml(text)
        .errors.map((e) => e.message)
        .join('\n');
    assert.match(messages('<a><!-- never closed</a>'), /Comment is never closed/);
    assert.match(messages('<a><![CDATA[ never closed</a>'), /CDATA section is never closed/);
    assert.match(messages("<a b='open"), /value of attribute 'b' is never closed with '/);
  });

  it('skips a UTF-8 byte order mark', () => {
    assert.deepEqual(parseXml('\uFEFF<?xml version="1.0"?><a/>').errors, []);
  });
});
