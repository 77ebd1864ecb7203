// A real Neovim (Debian's, 0.7.2 here) runs the README's Neovim 0.7 recipe — extracted from the README, so the docs
// cannot drift — against the built server, and checks through Neovim's own LSP client: diagnostics on the right
// lines, a quick fix applied, completion inside a value (the whole value replaced), hover, a rule turned off by
// the recipe's settings, and the recipe's connection URI reaching virsh (a stand-in that records its arguments).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { builtProgram, fixture, REPO_ROOT } from '../support/built';

/** The fenced block after `<!-- editor-recipe: NAME -->` in the README. */
export function readmeRecipe(name: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const marker = readme.indexOf(`<!-- editor-recipe: ${name} -->`);
  assert.ok(marker >= 0, `the README has the ${name} recipe`);
  const block = /```\w*\n([\s\S]*?)```/.exec(readme.slice(marker));
  assert.ok(block, `the ${name} recipe has a code block`);
  return block[1]!;
}

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });

describe('Neovim with the README recipe', {
  skip: nvim.status === 0 ? false : 'nvim is not installed (scripts/ensure-libvirt.mjs installs it)',
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-nvim-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('diagnoses, fixes, completes, hovers, takes its settings and passes the connection URI to virsh', () => {
    const bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    // The commands the recipe names, as `npm install -g` would put them on PATH.
    writeFileSync(
      join(bin, 'libvirt-xml-language-server'),
      `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(builtProgram('server'))} "$@"\n`,
      {
        mode: 0o755,
      },
    );
    const virshLog = join(dir, 'virsh-args.txt');
    writeFileSync(
      join(bin, 'virsh'),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> ${JSON.stringify(virshLog)}\necho 'error: recorded only' >&2\nexit 1\n`,
      { mode: 0o755 },
    );
    writeFileSync(join(dir, 'init.lua'), readmeRecipe('neovim-0.7'));
    const file = join(dir, 'win10.xml');
    copyFileSync(fixture('win10-gpu-passthrough.xml'), file);
    const results = join(dir, 'results.json');
    const run = spawnSync(
      'nvim',
      [
        '--headless',
        '-n',
        '-i',
        'NONE',
        '-u',
        join(dir, 'init.lua'),
        file,
        '-c',
        `luafile ${join(REPO_ROOT, 'test', 'editors', 'neovim.lua')}`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 90_000,
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          LIBVIRT_NVIM_RESULTS: results,
          XDG_STATE_HOME: dir,
          XDG_DATA_HOME: dir,
          XDG_CONFIG_HOME: dir,
        },
      },
    );
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const found = JSON.parse(readFileSync(results, 'utf8')) as Record<string, unknown>;
    assert.equal(found.error, undefined, String(found.error));
    assert.equal(found.attached, true);
    assert.equal(found.diagnosed, true);
    const diagnostics = found.diagnostics as string[];
    // On the lines libvirt-lint reports (0-based here): the NIC model on line 40, the PCI conflict on 41.
    assert.ok(diagnostics.includes('nic-not-virtio@39') && diagnostics.includes('pci-address-conflict@40'), diagnostics.join(' '));
    assert.ok(!diagnostics.some((d) => d.startsWith('memory-balloon@')), 'memory-balloon is off in the recipe');
    assert.ok((found.actions as string[]).includes('Change the NIC model to virtio'));
    assert.equal(found.fixed, true);
    assert.match(String(found.nicLine), /<model type='virtio'\/>/);
    assert.match(String(found.completedLine), /<target dev='sda' bus='virtio'\/>/);
    assert.match(String(found.hover), /8 GiB/);
    assert.equal(found.listed, false, 'the stand-in virsh refuses');
    assert.match(readFileSync(virshLog, 'utf8'), /^-c qemu:\/\/\/system list --all --name$/m);
  });
});
