// What `npm pack` makes installs on a clean prefix with `npm install -g`, offline: both programs work and nothing
// else is installed with them (the bundles need no dependencies).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixture, REPO_ROOT } from '../support/built';

describe('the npm package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-pack-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('installs globally on a clean prefix, offline, with both programs working and no dependencies', () => {
    const npm = (args: string[], cwd = REPO_ROOT) =>
      spawnSync('npm', args, {
        cwd,
        encoding: 'utf8',
        timeout: 180_000,
        env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
      });
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', dir, '--json']);
    assert.equal(packed.status, 0, packed.stderr);
    const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.deepEqual(files.map((f) => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'README.zh-CN.md',
      'dist/cli.js',
      'dist/cli.main.js',
      'dist/server.js',
      'dist/server.main.js',
      'dist/zh-cn.json',
      'package.json',
    ]);
    const prefix = join(dir, 'prefix');
    const installed = npm(['install', '-g', '--prefix', prefix, '--offline', join(dir, filename)], dir);
    assert.equal(installed.status, 0, installed.stderr);
    const packageDir = join(prefix, 'lib', 'node_modules', 'libvirt-xml');
    assert.ok(existsSync(packageDir));
    assert.ok(
      !existsSync(join(packageDir, 'node_modules')),
      `nothing installed with it: ${existsSync(join(packageDir, 'node_modules')) ? readdirSync(join(packageDir, 'node_modules')).join(', ') : ''}`,
    );
    const bin = (name: string, args: string[]) => spawnSync(join(prefix, 'bin', name), args, { encoding: 'utf8', timeout: 30_000 });
    const version = bin('libvirt-lint', ['--version']);
    assert.equal(version.status, 0, version.stderr);
    const lint = bin('libvirt-lint', ['--format', 'json', fixture('win10-gpu-passthrough.xml')]);
    assert.equal(lint.status, 1, lint.stderr);
    assert.ok((JSON.parse(lint.stdout) as Array<{ diagnostics: unknown[] }>)[0]!.diagnostics.length >= 8);
    // The zh-CN catalogue is in the bundle: the installed program speaks Chinese with nothing else shipped.
    const chinese = bin('libvirt-lint', ['--locale', 'zh-cn', fixture('win10-gpu-passthrough.xml')]);
    assert.equal(chinese.status, 1, chinese.stderr);
    assert.match(chinese.stdout, /✖ 8 个问题（2 个错误，4 个警告，2 条信息）\n$/);
    const server = bin('libvirt-xml-language-server', ['--version']);
    assert.equal(server.status, 0, server.stderr);
    assert.equal(server.stdout.trim(), version.stdout.trim());
  });
});
