// What libvirt drops or rewrites at define, found by comparing the file with `virsh dumpxml --inactive`.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareDefinedDomain } from '../../server/src/service/definedDomainDiff';
import { fixture } from '../support/built';
import { VIRT_INSTALL_DIR } from '../support/corpus';
import { defineRoundTrip } from '../support/virsh';

describe('compareDefinedDomain with a real libvirtd', () => {
  it('reports what libvirt silently dropped, and nothing it merely added or reformatted', async () => {
    const clean = readFileSync(fixture('linux-q35-clean.xml'), 'utf8').replace("type='kvm'", "type='qemu'");
    const edited = clean
      .replace('</devices>', '</devices>\n  <bogus-element/>')
      .replace("<disk type='file' device='disk'>", "<disk type='file' device='disk' cache='none'>")
      .replace('</devices>', "</devices>\n  <qemu:commandline>\n    <qemu:arg value='-no-hpet'/>\n  </qemu:commandline>");
    const { text, stored } = await defineRoundTrip(edited);
    const differences = compareDefinedDomain(text, stored);
    assert.deepEqual(
      differences.map((d) => `${d.kind} ${d.path}: ${d.detail}`),
      [
        "dropped-attribute domain/devices/disk[vda]: cache='none' was dropped",
        'dropped-element domain/qemu:commandline: <qemu:commandline> was dropped',
        'dropped-element domain/bogus-element: <bogus-element> was dropped',
      ],
    );
    assert.equal(text.slice(differences[0].start, differences[0].end), "cache='none'");
  });

  it('finds no difference for domains libvirt keeps as written (virt-install output)', async () => {
    const files = readdirSync(VIRT_INSTALL_DIR).filter((name) => name.endsWith('.print.xml') && !name.startsWith('aarch64'));
    for (const name of files) {
      const { text, stored } = await defineRoundTrip(readFileSync(join(VIRT_INSTALL_DIR, name), 'utf8'));
      assert.deepEqual(
        compareDefinedDomain(text, stored).map((d) => `${d.path}: ${d.detail}`),
        [],
        name,
      );
    }
  });
});
