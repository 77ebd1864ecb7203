// The tweak actions produce domains a real libvirtd accepts: applied to virt-install's and libvirt's own output.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixture } from '../support/built';
import { VIRT_INSTALL_DIR } from '../support/corpus';
import { FAKE_GPU_HOST } from '../support/fakeHost';
import { tweaksAt } from '../support/tweakOutcomes';
import { defineAndForget, testDomainName } from '../support/virsh';

const workDir = mkdtempSync(join(tmpdir(), 'libvirt-lint-tweaks-'));

async function defineText(text: string) {
  const vm = testDomainName('tweak');
  const file = join(workDir, `${vm}.xml`);
  writeFileSync(file, text.replace(/<name>[^<]*<\/name>/, `<name>${vm}</name>`));
  return defineAndForget(file, vm);
}

describe('tweak results are accepted by libvirt', () => {
  after(() => rmSync(workDir, { recursive: true, force: true }));

  it("pass through all functions of the seed's GPU (with and without a guest address)", async () => {
    const gpu = readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8').replace("<domain type='kvm'>", "<domain type='qemu'>");
    const variants = [
      gpu.replace("bus='0x01' slot='0x00' function='0x0'/>\n    </hostdev>", "bus='0x00' slot='0x05' function='0x0'/>\n    </hostdev>"),
      gpu.replace(
        "\n      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n    </hostdev>",
        '\n    </hostdev>',
      ),
    ];
    for (const variant of variants) {
      const tweak = tweaksAt(variant, variant.indexOf('<hostdev') + 2, FAKE_GPU_HOST).find((t) =>
        t.title.startsWith('Pass through all functions'),
      );
      assert.ok(tweak, 'offered');
      const result = await defineText(tweak.text);
      assert.ok(result.ok, `${result.stderr.trim()}\n${tweak.text}`);
    }
  });
  const files = readdirSync(VIRT_INSTALL_DIR)
    .filter((name) => name.endsWith('.xml') && !name.startsWith('aarch64'))
    .sort();
  for (const name of files) {
    it(name, async () => {
      const text = readFileSync(join(VIRT_INSTALL_DIR, name), 'utf8');
      const places = ['<devices>', '<disk', '<interface']
        .map((tag) => text.indexOf(tag))
        .filter((offset) => offset >= 0)
        .map((offset) => offset + 2);
      const seen = new Set<string>();
      let defined = 0;
      for (const offset of places) {
        for (const tweak of tweaksAt(text, offset)) {
          if (seen.has(tweak.text) || tweak.after.some((d) => d.severity === 1)) continue;
          seen.add(tweak.text);
          const result = await defineText(tweak.text);
          assert.ok(result.ok, `"${tweak.title}" on ${name}: ${result.stderr.trim()}`);
          defined++;
        }
      }
      assert.ok(defined > 0, 'at least one tweak applied');
    });
  }
});
