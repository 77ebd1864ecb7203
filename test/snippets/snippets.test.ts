import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestService } from '../support/fakeHost';
import { domainWith, expandWithDefaults, loadSnippets, placeOf } from '../support/snippets';

const service = createTestService();
const errorsIn = (text: string) =>
  service
    .validate(TextDocument.create('file:///snippet.xml', 'xml', 1, text), { hostArch: 'x86_64' })
    .filter((d) => d.severity === 1)
    .map((d) => `${d.code}: ${d.message}`);

describe('snippets', () => {
  const snippets = loadSnippets();

  it('has the skeletons and blocks users need, each with prefixes and a description', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const wanted of [
      'domain-linux',
      'domain-windows',
      'domain-aarch64',
      'hostdev-gpu',
      'disk-virtio',
      'disk-block',
      'nic-bridge',
      'hyperv-hiding',
      'cpu-passthrough',
      'memballoon',
      'hugepages',
      'network-nat',
      'network-isolated',
      'network-routed',
      'network-bridge',
      'network-macvtap',
      'pool-dir',
      'pool-logical',
      'pool-netfs',
      'pool-iscsi',
      'volume-qcow2',
      'volume-raw',
    ]) {
      assert.ok(prefixes.includes(wanted), wanted);
    }
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(snippet.description.length > 10, name);
      assert.match(Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body, /\$0/, `${name} ends at $0`);
    }
  });

  it('expands tab stops to their defaults', () => {
    assert.equal(expandWithDefaults(["<a x='${1:one}' y='${2|kvm,qemu|}'>${3:${4:nested}}</a>$0"]), "<a x='one' y='kvm'>nested</a>");
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" expanded with its defaults lints with no error`, () => {
      const text = expandWithDefaults(snippet.body);
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      const document = /^<(domain|network|pool|volume)/.test(text) ? text : domainWith(text, placeOf(prefixes));
      assert.deepEqual(errorsIn(document), []);
      // A whole network, pool or volume is also clean of warnings: what it writes is what libvirt keeps.
      if (!document.startsWith('<domain') && !text.startsWith('<domain'))
        assert.deepEqual(
          service.validate(TextDocument.create('file:///snippet.xml', 'xml', 1, document)).map((d) => `${d.code}: ${d.message}`),
          [],
        );
    });
  }
});
