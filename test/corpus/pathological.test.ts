// Hostile or broken input through the whole service: bounded time, no throw, sensible diagnostics.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { syntheticDomain } from '../../bench/syntheticDomain';
import { createTestService } from '../support/fakeHost';

const service = createTestService();

function analyse(text: string, withinMs: number) {
  const started = performance.now();
  const diagnostics = service.validate(TextDocument.create('file:///hostile.xml', 'xml', 1, text));
  const elapsed = performance.now() - started;
  assert.ok(elapsed < withinMs, `took ${elapsed.toFixed(0)} ms (limit ${withinMs} ms)`);
  assert.ok(!diagnostics.some((d) => String(d.message).startsWith('Internal error')), 'a rule threw');
  // Completion and hover at the middle and the end (after the analysis, as in the editor): bounded too.
  const document = TextDocument.create('file:///hostile.xml', 'xml', 1, text);
  for (const offset of [Math.floor(text.length / 2), text.length]) {
    const at = performance.now();
    service.completion(document, document.positionAt(offset));
    service.hover(document, document.positionAt(offset));
    const took = performance.now() - at;
    assert.ok(took < Math.max(200, withinMs / 10), `completion and hover at ${offset} took ${took.toFixed(0)} ms`);
  }
  return diagnostics;
}

describe('pathological input', () => {
  it('a 10 MB domain with 42,000 devices', () => {
    const { text, devices } = syntheticDomain(10 * 1024 * 1024);
    assert.ok(devices > 40_000);
    const diagnostics = analyse(text, 15_000);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'xml-syntax'),
      [],
    );
  });

  it('an entity bomb in the internal subset is never expanded', () => {
    const entities = ['<!ENTITY a0 "ha">', ...Array.from({ length: 20 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(16)}">`)];
    const text = `<?xml version="1.0"?>\n<!DOCTYPE domain [${entities.join('\n')}]>\n<domain type='kvm'><name>&a20;</name><memory>65536</memory><os><type>hvm</type></os><devices/></domain>`;
    assert.deepEqual(analyse(text, 500), []);
  });

  it('10,000 levels of nesting inside <devices>, closed and unclosed', () => {
    const depth = 10_000;
    const closed = `<domain><devices>${'<disk>'.repeat(depth)}${'</disk>'.repeat(depth)}</devices></domain>`;
    analyse(closed, 2000);
    const unclosed = `<domain><devices>${'<disk>'.repeat(depth)}</devices></domain>`;
    const diagnostics = analyse(unclosed, 5000);
    assert.ok(diagnostics.some((d) => d.code === 'xml-syntax'));
  });

  it('binary garbage after a <domain> start tag', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const garbage = Array.from({ length: 2_000_000 }, () => String.fromCharCode(Math.floor(random() * 0x800))).join('');
    const diagnostics = analyse(`<domain type='kvm'><devices>${garbage}`, 5000);
    assert.ok(diagnostics.length > 0 && diagnostics.length <= 200);
  });

  it('a million attributes on one element', () => {
    const attributes = Array.from({ length: 1_000_000 }, (_, i) => `a${i}='${i}'`).join(' ');
    analyse(`<domain type='kvm' ${attributes}><devices/></domain>`, 10_000);
  });

  it('the same attribute repeated 100,000 times reports a bounded number of errors', () => {
    const diagnostics = analyse(`<domain ${"type='kvm' ".repeat(100_000)}/>`, 10_000);
    assert.ok(diagnostics.length <= 200);
  });
});

describe('many devices on one address', () => {
  it('names at most a few of the others in each diagnostic', () => {
    const nic = `<interface type='network'><source network='default'/><address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/></interface>`;
    const text = `<domain type='kvm'><name>x</name><os><type arch='x86_64' machine='pc'>hvm</type></os><devices>${nic.repeat(20_000)}</devices></domain>`;
    const diagnostics = analyse(text, 5000).filter((d) => d.code === 'pci-address-conflict');
    assert.equal(diagnostics.length, 20_000);
    assert.match(
      String(diagnostics[0].message),
      /and 19991 more: libvirt refuses the domain \("Attempted double use of PCI Address 0000:00:04\.0"\)\.$/,
    );
    assert.equal(diagnostics[0].relatedInformation?.length, 8);
  });
});
