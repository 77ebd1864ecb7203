// Every snippet, expanded with its defaults (blocks placed in a small domain), is accepted by a real libvirtd and
// survives a define → dumpxml round trip without libvirt dropping anything it contained.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compareDefinedDomain } from '../../server/src/service/definedDomainDiff';
import { REPO_ROOT } from '../support/built';
import { domainWith, expandWithDefaults, loadSnippets, placeOf } from '../support/snippets';
import { defineKindRoundTrip, defineRoundTrip, scratchPool } from '../support/virsh';

const HAS_KVM = existsSync('/dev/kvm');

let volumes: Awaited<ReturnType<typeof scratchPool>> | undefined;
after(async () => volumes?.remove());

/** A network or pool defined (a volume created in a scratch pool), read back and removed. */
async function kindRoundTrip(text: string) {
  if (text.startsWith('<volume')) volumes ??= await scratchPool();
  return defineKindRoundTrip(text, volumes?.name);
}

describe('valid fixtures and examples round-trip through libvirt', () => {
  for (const file of ['test/fixtures/linux-q35-clean.xml', 'examples/linux-clean.xml']) {
    it(file, async () => {
      let text = readFileSync(join(REPO_ROOT, file), 'utf8');
      if (!HAS_KVM) text = text.replace("<domain type='kvm'>", "<domain type='qemu'>");
      const { text: defined, stored } = await defineRoundTrip(text, 'fixture');
      assert.deepEqual(
        compareDefinedDomain(defined, stored).map((d) => `${d.path}: ${d.detail}`),
        [],
      );
    });
  }
});

describe('snippets are accepted by libvirt', () => {
  for (const [title, snippet] of Object.entries(loadSnippets())) {
    it(`"${title}"${HAS_KVM ? '' : " (type='kvm' defaults run as 'qemu': this machine has no /dev/kvm)"}`, async () => {
      const expanded = expandWithDefaults(snippet.body);
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      const whole = /^<(network|pool|volume)/.test(expanded);
      let text = expanded.startsWith('<domain') || whole ? expanded : domainWith(expanded, placeOf(prefixes));
      if (!HAS_KVM) text = text.replace("<domain type='kvm'>", "<domain type='qemu'>");
      const { text: defined, stored } = whole ? await kindRoundTrip(text) : await defineRoundTrip(text, 'snippet');
      assert.deepEqual(
        compareDefinedDomain(defined, stored).map((d) => `${d.path}: ${d.detail}`),
        [],
      );
    });
  }
});
