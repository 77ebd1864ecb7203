// The extension manifest (package.json) and the .vsix built from it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isDomainXml, libvirtKindOf } from '../../client/src/kindDetection';
import { COMMANDS, DEFAULT_COMMAND_TIMEOUT_SECONDS, SETTINGS_SECTION } from '../../server/src/protocol';
import { ALL_RULES as RULES } from '../../server/src/service/documentKinds';
import { SEVERITIES } from '../../server/src/service/languageTypes';
import { REPO_ROOT } from '../support/built';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes the libvirt-xml language, its grammar and snippets, with files that exist', () => {
    const { languages, grammars, snippets } = manifest.contributes;
    assert.equal(languages[0].id, 'libvirt-xml');
    assert.deepEqual(languages[0].filenamePatterns, [
      '**/libvirt/qemu/*.xml',
      '**/libvirt/qemu/networks/*.xml',
      '**/libvirt/storage/*.xml',
    ]);
    assert.ok(new RegExp(languages[0].firstLine).test("<domain type='kvm'>"));
    for (const path of [languages[0].configuration, grammars[0].path, snippets[0].path, manifest.main, manifest.icon]) {
      assert.ok(existsSync(join(REPO_ROOT, path)), path);
    }
  });

  it('offers every rule id (and only those) in the libvirt.rules setting', () => {
    const rules = manifest.contributes.configuration.properties['libvirt.rules'];
    assert.deepEqual([...rules.propertyNames.enum].sort(), RULES.map((r) => r.id).sort());
    assert.deepEqual(rules.additionalProperties.enum, ['off', 'error', 'warning', 'info', 'hint']);
    assert.deepEqual(rules.additionalProperties.enum.slice(1), SEVERITIES, 'the severities of the service, in its order');
  });

  it('declares the settings the protocol names, with its defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.ok(Object.keys(properties).every((key) => key.startsWith(`${SETTINGS_SECTION}.`)));
    assert.equal(properties[`${SETTINGS_SECTION}.commandTimeoutSeconds`].default, DEFAULT_COMMAND_TIMEOUT_SECONDS);
  });

  it('declares limited support for untrusted workspaces (virsh commands refuse there, in the client and the server)', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'libvirt.virshPath',
      'libvirt.connectionUri',
      'libvirt.connections',
    ]);
  });

  it('lets completion pop up inside attribute values of libvirt-xml documents (VS Code keeps it off in strings)', () => {
    assert.deepEqual(manifest.contributes.configurationDefaults['[libvirt-xml]']['editor.quickSuggestions'], {
      other: 'on',
      comments: 'off',
      strings: 'on',
    });
  });

  it('activates for XML, the libvirt: file system and the explorer only', () => {
    assert.deepEqual(manifest.activationEvents, [
      'onFileSystem:libvirt',
      'onLanguage:libvirt-xml',
      'onLanguage:xml',
      'onView:libvirt.explorer',
    ]);
  });

  it("never names a VS Code command like one of the server's (the language client registers those itself)", () => {
    const contributed = new Set(manifest.contributes.commands.map((entry: { command: string }) => entry.command));
    const clashes = Object.values(COMMANDS).filter((command) => contributed.has(command));
    assert.deepEqual(clashes, []);
  });

  it('gives every explorer command a menu entry and keeps them out of the command palette', () => {
    const explorerCommands = manifest.contributes.commands
      .map((entry: { command: string }) => entry.command)
      .filter((command: string) => command.startsWith('libvirt.explorer.'));
    assert.ok(explorerCommands.length >= 10);
    const inMenus = new Set(
      [...manifest.contributes.menus['view/title'], ...manifest.contributes.menus['view/item/context']].map(
        (entry: { command: string }) => entry.command,
      ),
    );
    const hidden = new Set(
      manifest.contributes.menus.commandPalette
        .filter((entry: { when: string }) => entry.when === 'false')
        .map((entry: { command: string }) => entry.command),
    );
    for (const command of explorerCommands) {
      assert.ok(inMenus.has(command), `${command} has a menu entry`);
      assert.ok(hidden.has(command), `${command} is not in the palette`);
    }
  });
});

describe('domain detection', () => {
  it('recognises a <domain> root after a declaration, the /etc/libvirt/qemu header and blank lines', () => {
    assert.ok(isDomainXml("<domain type='kvm'>"));
    assert.ok(isDomainXml('<?xml version="1.0"?>\n<domain>'));
    assert.ok(isDomainXml('<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE.\n-->\n\n<domain type="kvm" id="3">'));
    assert.ok(!isDomainXml('<network><name>default</name></network>'));
    assert.ok(!isDomainXml('<domainsnapshot/>'));
    assert.ok(!isDomainXml('<!-- <domain> --><pool/>'));
  });

  it('tells networks, pools and volumes from other XML', () => {
    assert.equal(libvirtKindOf('<network>\n  <name>default</name>'), 'network');
    assert.equal(libvirtKindOf("<?xml version='1.0'?>\n<pool type='dir'>"), 'pool');
    assert.equal(libvirtKindOf('<!-- a comment -->\n<volume>'), 'volume');
    assert.equal(libvirtKindOf('<network-security-config/>'), undefined);
    assert.equal(libvirtKindOf('<project/>'), undefined);
  });

  it('detects the libvirt-xml language by the same roots', () => {
    const language = manifest.contributes.languages[0];
    const firstLine = new RegExp(language.firstLine);
    for (const root of ['<domain type="kvm">', '<network>', "<pool type='dir'>", '<volume>']) assert.match(root, firstLine);
    assert.doesNotMatch('<network-security-config>', firstLine);
  });
});

describe('.vsix', () => {
  it('packages the bundles, README, CHANGELOG, LICENSE, snippets, grammar, icon and translations, under 1 MB, without node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vsix-'));
    try {
      const out = join(dir, 'libvirt-xml.vsix');
      const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
      const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const size = readFileSync(out).length;
      assert.ok(size < 1024 * 1024, `${size} bytes`);
      const listing = spawnSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', out], {
        encoding: 'utf8',
      }).stdout.split('\n');
      for (const file of [
        'extension/dist/extension.js',
        'extension/dist/server.js',
        'extension/dist/server.main.js',
        'extension/dist/zh-cn.json',
        'extension/readme.md',
        'extension/changelog.md',
        'extension/LICENSE.txt',
        'extension/snippets/libvirt-xml.json',
        'extension/syntaxes/libvirt-xml.tmLanguage.json',
        'extension/images/icon.png',
        'extension/package.nls.json',
        'extension/package.nls.zh-cn.json',
        'extension/l10n/bundle.l10n.zh-cn.json',
      ]) {
        assert.ok(listing.includes(file), file);
      }
      assert.ok(!listing.some((file) => file.includes('node_modules')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
