// Drift between a workspace file and its live definition, on the real daemon: a freshly defined file is "the same"
// (libvirt's own additions are not drift), and real edits on either side are found.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { driftBetween } from '../../server/src/service/liveDrift';
import { fixture, REPO_ROOT } from '../support/built';
import { VIRT_INSTALL_DIR } from '../support/corpus';
import { defineRoundTrip } from '../support/virsh';

const tcg = (text: string) => text.replace("<domain type='kvm'>", "<domain type='qemu'>");

describe('drift between a file and the live definition (real libvirtd)', () => {
  it('finds none right after defining: a clean example and the domains virt-install writes', async () => {
    const files = [
      fixture('linux-q35-clean.xml'),
      join(REPO_ROOT, 'examples', 'linux-clean.xml'),
      ...readdirSync(VIRT_INSTALL_DIR)
        .filter((name) => name.endsWith('.print.xml') && !name.startsWith('aarch64'))
        .map((name) => join(VIRT_INSTALL_DIR, name)),
    ];
    let compared = 0;
    for (const file of files) {
      const { text, stored } = await defineRoundTrip(tcg(readFileSync(file, 'utf8')), 'drift');
      assert.ok(text, `${file} is defined`);
      compared++;
      const drift = driftBetween(text, stored);
      assert.deepEqual([...drift.inFile.map((d) => d.detail), ...drift.inLive.map((p) => `${p.path}: ${p.detail}`)], [], file);
      assert.equal(drift.same, true, file);
      for (const added of ['<address ', 'pcie-root-port', '<memballoon', "bus='ps2'", '<on_crash>']) {
        if (!text.includes(added)) assert.ok(!drift.liveWithoutAdditions.includes(added), `${file}: ${added} hidden`);
      }
    }
    assert.equal(compared, files.length);
    assert.ok(compared >= 4, `${compared} compared`);
  });

  it('finds what was edited on either side', async () => {
    const clean = tcg(readFileSync(fixture('linux-q35-clean.xml'), 'utf8'));
    const { text, stored } = await defineRoundTrip(clean, 'drift');
    // Someone added a disk with virsh edit; the file changed its memory.
    const live = stored.replace(
      '</devices>',
      "  <disk type='file' device='cdrom'>\n      <source file='/var/lib/libvirt/images/virtio-win.iso'/>\n      <target dev='sdb' bus='sata'/>\n    </disk>\n  </devices>",
    );
    const file = text.replace(/<memory unit='(\w+)'>\d+<\/memory>/, "<memory unit='GiB'>16</memory>");
    const drift = driftBetween(file, live);
    assert.equal(drift.same, false);
    assert.deepEqual(
      drift.inLive.map((p) => p.path),
      ['domain/devices/disk[sdb]'],
    );
    assert.match(drift.inFile.map((d) => d.detail).join(), /16 GiB became/);
    assert.match(drift.liveWithoutAdditions, /virtio-win\.iso/);
  });

  it("shows the live side in the file's spelling where it only restates it (units, machine alias, written defaults)", async () => {
    const file = [
      "<domain type='qemu'>",
      '  <name>spelling</name>',
      "  <memory unit='MiB'>512</memory>",
      '  <vcpu>2</vcpu>',
      '  <os>',
      "    <type arch='x86_64' machine='q35'>hvm</type>",
      '  </os>',
      '  <devices>',
      "    <graphics type='vnc' port='-1'/>",
      '  </devices>',
      '</domain>',
      '',
    ].join('\n');
    const { text, stored } = await defineRoundTrip(file, 'drift');
    const drift = driftBetween(text, stored);
    assert.equal(drift.same, true);
    const lines = drift.liveWithoutAdditions.split('\n').map((line) => line.trim());
    for (const expected of [
      "<memory unit='MiB'>512</memory>",
      '<vcpu>2</vcpu>',
      "<type arch='x86_64' machine='q35'>hvm</type>",
      "<graphics type='vnc' port='-1'/>",
    ]) {
      assert.ok(lines.includes(expected), `${expected} in\n${drift.liveWithoutAdditions}`);
    }
  });
});
