// The bundled language server over stdio, driven by a real JSON-RPC client.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { builtProgram, fixture } from '../support/built';
import { type LspClient, startLspClient } from '../support/lspClient';

const GPU_TEXT = readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8');
const NETWORK_TEXT = readFileSync(fixture('network-default.xml'), 'utf8');

describe('libvirt-xml-language-server --stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await startLspClient({});
  });
  after(async () => {
    await client.close();
  });

  it('publishes versioned diagnostics with rule ids, source and doc links for a domain', async () => {
    const uri = 'file:///work/win10.xml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, GPU_TEXT, 'xml', 3);
    const params = await published;
    assert.equal(params.version, 3);
    const conflict = params.diagnostics.find((d) => d.code === 'pci-address-conflict')!;
    assert.equal(conflict.source, 'libvirt');
    assert.equal(conflict.severity, 1);
    assert.deepEqual(conflict.range, { start: { line: 40, character: 59 }, end: { line: 40, character: 63 } });
    assert.equal(conflict.codeDescription?.href, 'https://libvirt.org/formatdomain.html#device-addresses');
    assert.equal(conflict.relatedInformation?.[0].location.uri, uri);
    assert.deepEqual(
      new Set(params.diagnostics.map((d) => d.code)),
      new Set([
        'pci-address-conflict',
        'vendor-id-missing',
        'kvm-hidden-missing',
        'boot-disk-not-virtio',
        'nic-not-virtio',
        'memory-balloon',
        'balloon-with-vfio',
      ]),
    );
  });

  it('analyses libvirt XML whatever its languageId, and publishes nothing for other XML or a clean network', async () => {
    const plain = 'untitled:Untitled-1';
    const network = 'file:///etc/libvirt/qemu/networks/default.xml';
    const other = 'file:///work/pom.xml';
    client.open(network, NETWORK_TEXT, 'xml');
    client.open(other, '<project><name>x</name><bogus/></project>', 'xml');
    const published = client.nextDiagnostics(plain);
    client.open(plain, GPU_TEXT, 'plaintext');
    assert.ok((await published).diagnostics.length > 0);
    assert.equal(client.published.filter((p) => p.uri === network || p.uri === other).length, 0);
  });

  it("publishes a network's problems, with links into formatnetwork", async () => {
    const uri = 'file:///work/lab-net.xml';
    const published = client.nextDiagnostics(uri);
    client.open(
      uri,
      NETWORK_TEXT.replace("<bridge name='virbr0'", "<bridge name='virbr-lab-network0'").replace(
        "start='192.168.122.2'",
        "start='192.168.99.2'",
      ),
      'xml',
    );
    const codes = (await published).diagnostics.map((d) => [d.code, d.severity, d.codeDescription?.href]);
    assert.deepEqual(codes, [
      ['network-dhcp-range-outside-subnet', 1, 'https://libvirt.org/formatnetwork.html#addressing'],
      ['network-bridge-name-too-long', 1, 'https://libvirt.org/formatnetwork.html#connectivity'],
    ]);
  });

  it('re-publishes after an incremental change, and clears a fixed problem', async () => {
    const uri = 'file:///work/edit.xml';
    const first = client.nextDiagnostics(uri);
    client.open(uri, GPU_TEXT);
    assert.ok((await first).diagnostics.some((d) => d.code === 'pci-address-conflict'));
    // Move the hostdev from slot 0x00 on bus 0x01 to bus 0x02 (line 48, the bus value '0x01').
    const line = GPU_TEXT.split('\n')[47];
    const column = line.indexOf("bus='0x01'") + 5;
    const second = client.nextDiagnostics(uri, (p) => p.version === 2);
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 47, character: column }, end: { line: 47, character: column + 4 } }, text: '0x02' }],
    });
    const after = await second;
    assert.ok(!after.diagnostics.some((d) => d.code === 'pci-address-conflict'));
    assert.ok(after.diagnostics.some((d) => d.code === 'nic-not-virtio'));
  });

  it('reports xml-syntax errors while typing and keeps analysing the rest', async () => {
    const uri = 'file:///work/broken.xml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, GPU_TEXT.replace('</disk>', ''));
    const params = await published;
    const syntax = params.diagnostics.filter((d) => d.code === 'xml-syntax');
    assert.equal(syntax.length, 1);
    assert.deepEqual(syntax[0].range.start, { line: 27, character: 5 });
    assert.ok(params.diagnostics.some((d) => d.code === 'nic-not-virtio'));
  });

  it('applies rule settings from workspace/configuration without a restart', async () => {
    const uri = 'file:///work/settings.xml';
    const first = client.nextDiagnostics(uri);
    client.open(uri, GPU_TEXT);
    await first;
    client.settings = { rules: { 'pci-address-conflict': 'off', 'nic-not-virtio': 'error', 'bogus-rule': 'off' }, hostArch: 'x86_64' };
    const changed = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'pci-address-conflict'));
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const params = await changed;
    assert.equal(params.diagnostics.find((d) => d.code === 'nic-not-virtio')?.severity, 1);
    client.settings = {};
    const restored = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'pci-address-conflict'));
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await restored;
  });

  it('does not re-send unchanged diagnostics when a revalidation changes nothing (an open hover stays open)', async () => {
    // A network: no host fact changes its diagnostics (a domain's change as the host's facts arrive, which is news).
    const uri = 'file:///work/unchanged-net.xml';
    const first = client.nextDiagnostics(uri);
    client.open(uri, NETWORK_TEXT.replace("start='192.168.122.2'", "start='192.168.99.2'"));
    assert.ok((await first).diagnostics.some((d) => d.code === 'network-dhcp-range-outside-subnet'));
    const count = () => client.published.filter((p) => p.uri === uri).length;
    // The same settings again: every open document is revalidated, and nothing about this one changed.
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(count(), 1);
    // A change that changes its diagnostics is still published.
    client.settings = { rules: { 'network-dhcp-range-outside-subnet': 'off' } };
    const changed = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await changed;
    client.settings = {};
    const restored = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await restored;
    assert.equal(count(), 3);
  });

  it('takes the settings section from initializationOptions and pushes when workspace/configuration answers null (Neovim 0.7)', async () => {
    const neovim = await startLspClient(
      {},
      { initializationOptions: { rules: { 'pci-address-conflict': 'off' } }, configurationAnswersNull: true },
    );
    try {
      const uri = 'file:///work/init-options.xml';
      const first = neovim.nextDiagnostics(uri);
      neovim.open(uri, GPU_TEXT);
      const published = await first;
      // The configuration request after initialized answered null: the initializationOptions still hold.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const latest = neovim.published.filter((p) => p.uri === uri).at(-1) ?? published;
      assert.ok(!latest.diagnostics.some((d) => d.code === 'pci-address-conflict'), 'turned off by init_options');
      assert.ok(latest.diagnostics.some((d) => d.code === 'nic-not-virtio'));
      const back = neovim.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'pci-address-conflict'));
      void neovim.connection.sendNotification('workspace/didChangeConfiguration', { settings: { libvirt: { rules: {} } } });
      await back;
    } finally {
      await neovim.close();
    }
  });

  it('prints its version and usage', () => {
    const version = spawnSync(process.execPath, [builtProgram('server'), '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [builtProgram('server'), '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    const none = spawnSync(process.execPath, [builtProgram('server')], { encoding: 'utf8' });
    assert.equal(none.status, 2);
  });

  it('offers quick fixes linked to a diagnostic, as versioned edits that remove it', async () => {
    const uri = 'file:///work/fixes.xml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, GPU_TEXT, 'xml', 7);
    const diagnostic = (await published).diagnostics.find((d) => d.code === 'nic-not-virtio')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as Array<{
      title: string;
      kind: string;
      isPreferred?: boolean;
      diagnostics: unknown[];
      edit: { documentChanges: Array<{ textDocument: { version: number }; edits: Array<{ range: unknown; newText: string }> }> };
    }>;
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [['Change the NIC model to virtio', 'quickfix', true]],
    );
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    const change = actions[0].edit.documentChanges[0];
    assert.equal(change.textDocument.version, 7);
    assert.deepEqual(change.edits, [{ range: diagnostic.range, newText: 'virtio' }]);
  });

  it('offers the tweak actions at the cursor as refactor.rewrite', async () => {
    const uri = 'file:///work/fixes.xml';
    const line = GPU_TEXT.split('\n').findIndex((l) => l.includes('<hostdev'));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 6 }, end: { line, character: 6 } },
      context: { diagnostics: [], only: ['refactor'] },
    })) as Array<{ title: string; kind: string }>;
    assert.ok(actions.length >= 2);
    assert.ok(actions.every((a) => a.kind === 'refactor.rewrite'));
    assert.ok(actions.some((a) => a.title.startsWith('Hide virtualization from the guest')));
    assert.ok(actions.some((a) => a.title.startsWith('Remove all fixed PCI addresses')));
  });

  it('answers hover and document symbols', async () => {
    const uri = 'file:///work/fixes.xml';
    const line = GPU_TEXT.split('\n').findIndex((l) => l.includes('<memory'));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 4 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /^\*\*memory\*\*: 8388608 KiB = \*\*8 GiB\*\*\n\n---\n\n\*\*<memory>\*\*/);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Array<{
      name: string;
      children: Array<{ name: string }>;
    }>;
    assert.equal(symbols[0].name, 'domain win10-gaming');
    assert.ok(symbols[0].children.some((child) => child.name === 'devices'));
  });

  it('completes elements, attributes and values as the user types', async () => {
    const uri = 'file:///work/complete.xml';
    const text = GPU_TEXT.replace('</devices>', "  <disk type='file' device='disk'>\n      <target dev='vdb' bus='\n  </devices>");
    client.open(uri, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes("dev='vdb' bus='"));
    type Item = {
      label: string;
      preselect?: boolean;
      textEdit: { newText: string; range: { start: { line: number; character: number } } };
    };
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: lines[line]!.length },
    })) as { items: Item[] };
    const virtio = list.items.find((item) => item.label === 'virtio');
    assert.ok(virtio?.preselect);
    assert.deepEqual(virtio.textEdit.range.start, { line, character: lines[line]!.length });
    const devicesLine = lines.findIndex((l) => l.includes('<devices>'));
    const typing = 'file:///work/typing.xml';
    client.open(typing, text.replace('<devices>', '<devices>\n    <'));
    const elements = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: typing },
      position: { line: devicesLine + 1, character: 5 },
    })) as { items: Item[] };
    assert.ok(
      elements.items.some(
        (item) =>
          item.label === 'hostdev' && item.textEdit.newText.startsWith("hostdev mode='${1|subsystem,capabilities|}' type='${2|pci,"),
      ),
    );
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = 'file:///work/win10.xml';
    const cleared = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  });

  it('survives garbage and keeps serving', async () => {
    const uri = 'file:///work/garbage.xml';
    client.open(uri, `<domain>\u0000\u0001<<<&&&]]>${'<'.repeat(100_000)}`);
    const published = client.nextDiagnostics(uri);
    await published.then((p) => assert.ok(p.diagnostics.length > 0));
    const next = 'file:///work/after-garbage.xml';
    const ok = client.nextDiagnostics(next);
    client.open(next, GPU_TEXT);
    assert.ok((await ok).diagnostics.length > 0);
  });
});

describe('the language server and the workspace it is given', () => {
  it("checks a domain against the networks of the workspace's files, and of documents as they are edited", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsp-workspace-'));
    mkdirSync(join(dir, 'networks'));
    writeFileSync(
      join(dir, 'networks', 'lab.xml'),
      "<network>\n  <name>lab-net</name>\n  <ip address='10.77.0.1' prefix='24'/>\n</network>\n",
    );
    const client = await startLspClient({}, { workspaceFolders: [pathToFileURL(dir).href] });
    try {
      const uri = pathToFileURL(join(dir, 'vm.xml')).href;
      const text = readFileSync(fixture('linux-q35-clean.xml'), 'utf8').replace(
        /<source network='[^']*'\/>/,
        "<source network='lab-nte'/>",
      );
      assert.ok(text.includes('lab-nte'), 'the fixture has a NIC on a network');
      const misspelt = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'source-not-in-workspace'), 10_000);
      client.open(uri, text, 'xml');
      const found = (await misspelt).diagnostics.find((d) => d.code === 'source-not-in-workspace')!;
      assert.equal(found.message, "No network 'lab-nte' in the workspace: did you mean 'lab-net' (lab.xml)?");
      // A network opened and renamed in the editor counts at once: now 'lab-nte' is the workspace's.
      const cleared = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'source-not-in-workspace'), 10_000);
      client.open(pathToFileURL(join(dir, 'networks', 'other.xml')).href, '<network>\n  <name>lab-nte</name>\n</network>\n', 'xml');
      await cleared;
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
