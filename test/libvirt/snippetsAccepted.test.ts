// Every snippet, expanded with its defaults (blocks placed in a small domain), is accepted by a real libvirtd and
// survives a define → dumpxml round trip without libvirt dropping anything it contained.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compareDefinedDomain } from '../../server/src/service/definedDomainDiff';
import { domainWith, expandWithDefaults, loadSnippets, placeOf } from '../support/snippets';
import { virsh } from '../support/virsh';
import { REPO_ROOT } from '../support/built';

const dir = mkdtempSync(join(tmpdir(), 'snippets-'));
const HAS_KVM = existsSync('/dev/kvm');
let counter = 0;

describe('valid fixtures and examples round-trip through libvirt', () => {
  for (const file of ['test/fixtures/linux-q35-clean.xml', 'examples/linux-clean.xml']) {
    it(file, async () => {
      const name = `lint-fixture-${++counter}`;
      let text = readFileSync(join(REPO_ROOT, file), 'utf8').replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
      if (!HAS_KVM) text = text.replace("<domain type='kvm'>", "<domain type='qemu'>");
      const path = join(dir, `${name}.xml`);
      writeFileSync(path, text);
      const defined = await virsh(['define', '--file', path]);
      assert.ok(defined.ok, defined.stderr);
      try {
        const stored = await virsh(['dumpxml', '--inactive', '--domain', name]);
        assert.deepEqual(compareDefinedDomain(text, stored.stdout).map((d) => `${d.path}: ${d.detail}`), []);
      } finally {
        assert.ok((await virsh(['undefine', '--nvram', '--domain', name])).ok);
      }
    });
  }
});

describe('snippets are accepted by libvirt', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [title, snippet] of Object.entries(loadSnippets())) {
    it(`"${title}"${HAS_KVM ? '' : " (type='kvm' defaults run as 'qemu': this machine has no /dev/kvm)"}`, async () => {
      const name = `lint-snippet-${++counter}`;
      const expanded = expandWithDefaults(snippet.body);
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      let text = expanded.startsWith('<domain') ? expanded.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`) : domainWith(expanded, placeOf(prefixes), name);
      if (!HAS_KVM) text = text.replace("<domain type='kvm'>", "<domain type='qemu'>");
      const file = join(dir, `${name}.xml`);
      writeFileSync(file, text);
      const defined = await virsh(['define', '--file', file]);
      assert.ok(defined.ok, `${defined.stderr}\n${text}`);
      try {
        const stored = await virsh(['dumpxml', '--inactive', '--domain', name]);
        assert.ok(stored.ok, stored.stderr);
        assert.deepEqual(compareDefinedDomain(text, stored.stdout).map((d) => `${d.path}: ${d.detail}`), []);
      } finally {
        await virsh(['undefine', '--nvram', '--domain', name]);
      }
    });
  }
});
