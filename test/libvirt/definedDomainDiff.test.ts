// What libvirt drops or rewrites at define, found by comparing the file with `virsh dumpxml --inactive`.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compareDefinedDomain } from '../../server/src/service/definedDomainDiff';
import { VIRT_INSTALL_DIR } from '../support/corpus';
import { fixture } from '../support/built';
import { virsh } from '../support/virsh';

const dir = mkdtempSync(join(tmpdir(), 'defined-diff-'));
let counter = 0;

/** Defines `text`, returns what libvirt stored, undefines. */
async function roundTrip(text: string): Promise<{ text: string; stored: string }> {
  const name = `lint-diff-${++counter}`;
  const named = text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, named);
  const defined = await virsh(['define', '--file', file]);
  assert.ok(defined.ok, defined.stderr);
  try {
    const dumped = await virsh(['dumpxml', '--inactive', '--domain', name]);
    assert.ok(dumped.ok, dumped.stderr);
    return { text: named, stored: dumped.stdout };
  } finally {
    await virsh(['undefine', '--nvram', '--domain', name]);
  }
}

describe('compareDefinedDomain with a real libvirtd', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports what libvirt silently dropped, and nothing it merely added or reformatted', async () => {
    const clean = readFileSync(fixture('linux-q35-clean.xml'), 'utf8').replace("type='kvm'", "type='qemu'");
    const edited = clean
      .replace('</devices>', '</devices>\n  <bogus-element/>')
      .replace("<disk type='file' device='disk'>", "<disk type='file' device='disk' cache='none'>")
      .replace('</devices>', "</devices>\n  <qemu:commandline>\n    <qemu:arg value='-no-hpet'/>\n  </qemu:commandline>");
    const { text, stored } = await roundTrip(edited);
    const differences = compareDefinedDomain(text, stored);
    assert.deepEqual(differences.map((d) => `${d.kind} ${d.path}: ${d.detail}`), [
      "dropped-attribute domain/devices/disk[vda]: cache='none' was dropped",
      'dropped-element domain/qemu:commandline: <qemu:commandline> was dropped',
      'dropped-element domain/bogus-element: <bogus-element> was dropped',
    ]);
    assert.equal(text.slice(differences[0].start, differences[0].end), "cache='none'");
  });

  it('finds no difference for domains libvirt keeps as written (virt-install output)', async () => {
    const files = readdirSync(VIRT_INSTALL_DIR).filter((name) => name.endsWith('.print.xml') && !name.startsWith('aarch64'));
    for (const name of files) {
      const { text, stored } = await roundTrip(readFileSync(join(VIRT_INSTALL_DIR, name), 'utf8'));
      assert.deepEqual(compareDefinedDomain(text, stored).map((d) => `${d.path}: ${d.detail}`), [], name);
    }
  });
});
