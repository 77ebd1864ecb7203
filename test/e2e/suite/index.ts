// The extension-host suite: runs inside a real VS Code (code-server here, @vscode/test-electron where VS Code can
// be downloaded) with the real `vscode` API. run() is what VS Code calls; results go to a file because the
// extension host's exit code is not reported back through code-server.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../client/src/live/explorer';

/** What the extension's activate() returns (client/src/extension.ts). */
interface ExtensionApi {
  answerPromptsWith(answer: ((message: string, choices: readonly string[]) => string | undefined) | undefined): void;
  refreshExplorer(): void;
  readonly explorer: vscode.TreeDataProvider<ExplorerNode>;
}

interface Result {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly ms: number;
}
const results: Result[] = [];
const EXTENSION_ID = 'libvirt-xml-tools.libvirt-xml';

async function test(name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  // Where a run that never finishes got to.
  writeFileSync(join(workspace().fsPath, '.e2e-progress.txt'), `${results.length} done; running: ${name}\n`);
  try {
    await body();
    results.push({ name, ok: true, ms: Date.now() - started });
  } catch (error) {
    results.push({
      name,
      ok: false,
      error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error),
      ms: Date.now() - started,
    });
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const workspace = () => vscode.workspace.workspaceFolders![0].uri;
const fileUri = (name: string) => vscode.Uri.joinPath(workspace(), name);
const libvirtDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'libvirt');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  return vscode.window.showTextDocument(document);
}

export async function run(): Promise<void> {
  await test('opening a domain XML activates the extension and shows the seed diagnostics with rule ids and ranges', async () => {
    const editor = await open('win10-gpu-passthrough.xml');
    const diagnostics = await waitFor('diagnostics', () => {
      const d = libvirtDiagnostics(editor.document.uri);
      return d.length >= 8 && d;
    });
    check(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of [
      'pci-address-conflict',
      'vendor-id-missing',
      'kvm-hidden-missing',
      'boot-disk-not-virtio',
      'nic-not-virtio',
      'memory-balloon',
      'balloon-with-vfio',
    ])
      check(codes.has(code), `has ${code}`);
    const conflict = diagnostics.find((d) => codeOf(d) === 'pci-address-conflict' && d.range.start.line === 40)!;
    check(
      conflict && conflict.range.start.character === 59 && conflict.range.end.character === 63,
      `pci-address-conflict at 41:60-64, got ${JSON.stringify(conflict?.range)}`,
    );
    check(conflict.severity === vscode.DiagnosticSeverity.Error, 'an error');
  });

  await test('every command the manifest contributes is registered', async () => {
    const contributed = (
      vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }> } }
    ).contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((entry) => entry.command).filter((command) => !registered.has(command));
    check(missing.length === 0, `not registered: ${missing.join(', ')}`);
  });

  await test('a plain XML document that is not a domain gets no diagnostics', async () => {
    const editor = await open('network-default.xml');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    check(libvirtDiagnostics(editor.document.uri).length === 0, 'no diagnostics');
  });

  await test('the NIC quick fix is offered and applying it removes the diagnostic', async () => {
    const editor = await open('win10-gpu-passthrough.xml');
    const uri = editor.document.uri;
    const nic = await waitFor('nic-not-virtio', () => libvirtDiagnostics(uri).find((d) => codeOf(d) === 'nic-not-virtio'));
    // Asked again until the language client has synced the document the diagnostic came from (a race in CI).
    let titles: string[] = [];
    let fix: vscode.CodeAction | undefined;
    const deadline = Date.now() + 15_000;
    while (!fix && Date.now() < deadline) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        nic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      titles = actions.map((action) => action.title);
      fix = actions.find((action) => action.title === 'Change the NIC model to virtio');
      if (!fix) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    check(fix?.edit, `the fix is offered (got ${titles.join(', ')})`);
    check(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    await waitFor('nic-not-virtio to go', () => !libvirtDiagnostics(uri).some((d) => codeOf(d) === 'nic-not-virtio'));
    check(editor.document.getText().includes("<model type='virtio'/>"), 'the model is virtio');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  await test('every snippet prefix completes in a libvirt-xml document', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'libvirt-xml', content: '' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 0),
    );
    const labels = new Set(list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)));
    for (const prefix of [
      'domain-linux',
      'domain-windows',
      'domain-aarch64',
      'hostdev-gpu',
      'disk-virtio',
      'disk-block',
      'nic-bridge',
      'hyperv-hiding',
      'cpu-passthrough',
      'memballoon',
      'hugepages',
    ]) {
      check(labels.has(prefix), `completion offers ${prefix}`);
    }
  });

  await test("libvirt's schema completes elements and values as the user types", async () => {
    const content =
      "<domain type='kvm'>\n  <name>typing</name>\n  <devices>\n    <disk type='file' device='disk'>\n      <target dev='vda' bus=''/>\n    </disk>\n    <\n  </devices>\n</domain>\n";
    const document = await vscode.workspace.openTextDocument({ language: 'libvirt-xml', content });
    await vscode.window.showTextDocument(document);
    const labelsAt = async (line: number, character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(line, character),
      );
      return new Set(list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)));
    };
    const values = await labelsAt(4, content.split('\n')[4]!.indexOf("bus='") + 5);
    check(values.has('virtio') && values.has('sata'), `bus values offered: ${[...values].slice(0, 8).join(', ')}`);
    const elements = await labelsAt(6, 5);
    check(
      elements.has('hostdev') && elements.has('interface') && !elements.has('vcpu'),
      `device elements offered: ${[...elements].slice(0, 8).join(', ')}`,
    );
  });

  await test('a rule set to "off" in the settings disappears without a reload', async () => {
    const editor = await open('win10-gpu-passthrough.xml');
    const uri = editor.document.uri;
    await waitFor('memory-balloon', () => libvirtDiagnostics(uri).some((d) => codeOf(d) === 'memory-balloon'));
    const config = vscode.workspace.getConfiguration('libvirt');
    await config.update('rules', { 'memory-balloon': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('memory-balloon to go', () => !libvirtDiagnostics(uri).some((d) => codeOf(d) === 'memory-balloon'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('memory-balloon to come back', () => libvirtDiagnostics(uri).some((d) => codeOf(d) === 'memory-balloon'));
  });

  await test("define succeeds against libvirt's test driver", async () => {
    await open('test-driver-valid.xml');
    const reply = await vscode.commands.executeCommand<{ ok: boolean; name?: string; message: string }>('libvirt.define');
    check(reply?.ok === true && reply.name === 'e2e-test-driver', `defined: ${JSON.stringify(reply)}`);
  });

  await test("a refused define shows libvirt's message and leaves the document as it was", async () => {
    const editor = await open('test-driver-refused.xml');
    const before = editor.document.getText();
    const reply = await vscode.commands.executeCommand<{ ok: boolean; message: string }>('libvirt.define');
    check(reply && !reply.ok, 'refused');
    check(
      reply.message.includes("domain 'test' is already defined with uuid 6695eb01-f6a4-8304-79aa-97f2502e193f"),
      `libvirt's message: ${reply.message}`,
    );
    check(editor.document.getText() === before && !editor.document.isDirty, 'the document is untouched');
  });

  await test('a network gets its diagnostics, the quick fix that moves a DHCP range into the subnet, and Define', async () => {
    const file = fileUri('e2e-lab-network.xml');
    const text =
      "<network>\n  <name>e2e-lab</name>\n  <forward mode='nat'/>\n  <bridge name='virbr-e2e'/>\n" +
      "  <ip address='10.77.0.1' prefix='24'>\n    <dhcp>\n      <range start='10.77.1.100' end='10.77.1.200'/>\n    </dhcp>\n  </ip>\n</network>\n";
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    // Named *.xml outside libvirt's folders it is plain xml to VS Code: the server serves it by its root element.
    const outside = await waitFor('network-dhcp-range-outside-subnet', () =>
      libvirtDiagnostics(file).find((d) => codeOf(d) === 'network-dhcp-range-outside-subnet'),
    );
    check(outside.message.includes('range 10.77.1.100 - 10.77.1.200 is not entirely within network 10.77.0.1/24'), outside.message);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      file,
      outside.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const move = actions.find((action) => action.title === 'Change to 10.77.0.100 – 10.77.0.200');
    check(move?.edit, `fixes: ${actions.map((action) => action.title).join('; ')}`);
    await vscode.workspace.applyEdit(move.edit);
    await waitFor('the error to go', () => !libvirtDiagnostics(file).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    await editor.document.save();
    const reply = await vscode.commands.executeCommand<{ ok: boolean; name?: string; kind?: string; message: string }>('libvirt.define');
    check(reply?.ok === true && reply.kind === 'network' && reply.name === 'e2e-lab', `defined: ${JSON.stringify(reply)}`);
  });

  await liveTests();

  writeFileSync(join(workspace().fsPath, '.e2e-results.json'), JSON.stringify(results, null, 2));
  // Under @vscode/test-electron a failing run() is the failure signal; code-server ignores it and the file decides.
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) throw new Error(`${failed.length} end-to-end test(s) failed: ${failed.map((result) => result.name).join('; ')}`);
}

/** The real daemon, through the real virsh (set-up and checks of what the extension did). */
const SYSTEM = 'qemu:///system';
const virsh = (...args: string[]) => execFileSync('virsh', ['-c', SYSTEM, ...args], { encoding: 'utf8', timeout: 60_000 });
const liveDomainXml = (name: string, memoryMiB: number) =>
  `<domain type='qemu'><name>${name}</name><memory unit='MiB'>${memoryMiB}</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='q35'>hvm</type></os><devices><graphics type='vnc' port='-1'/></devices></domain>`;

async function liveTests(): Promise<void> {
  const api = (await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate()) as ExtensionApi;
  const dir = mkdtempSync(join(tmpdir(), 'lint-e2e-live-'));
  chmodSync(dir, 0o755);
  const domain = `lint-test-${process.pid}-e2e-live`;
  const network = `lint-test-${process.pid}-e2e-net`;
  const pool = `lint-test-${process.pid}-e2e-pool`;
  const many = join(dir, 'many.xml');
  // libvirt's test driver from a file: a node with 200 domains.
  writeFileSync(
    many,
    `<node>\n${Array.from({ length: 200 }, (_, i) => `<domain type='test'><name>guest-${String(i).padStart(3, '0')}</name><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`).join('\n')}\n</node>\n`,
  );
  const define = (xml: string, command = 'define') => {
    const file = join(dir, 'define.xml');
    writeFileSync(file, xml);
    virsh(command, '--file', file);
  };
  define(liveDomainXml(domain, 64));
  define(
    `<network><name>${network}</name><bridge name='virbr-e2e${process.pid % 100}'/><ip address='10.253.${process.pid % 250}.1' netmask='255.255.255.0'/></network>`,
    'net-define',
  );
  const config = vscode.workspace.getConfiguration('libvirt');
  await config.update(
    'connections',
    [
      { name: 'local', uri: SYSTEM },
      { name: 'test', uri: 'test:///default' },
      { name: 'many', uri: `test://${many}` },
      { name: 'nowhere', uri: 'qemu+tcp://127.0.0.1:1/system' },
    ],
    vscode.ConfigurationTarget.Global,
  );
  api.refreshExplorer();
  const tree = api.explorer;
  const children = async (node?: ExplorerNode) => (await tree.getChildren(node)) ?? [];
  const label = (node: ExplorerNode) => String((tree.getTreeItem(node) as vscode.TreeItem).label);
  const connection = async (name: string) => (await children()).find((node) => label(node) === name)!;
  const group = async (connectionName: string, title: string) =>
    (await children(await connection(connectionName))).find((node) => label(node) === title)!;
  const liveUri = (kind: string, name: string) => vscode.Uri.parse(`libvirt://local/${kind}/${encodeURIComponent(name)}.xml`);
  const memoryOf = () => /<memory unit='KiB'>(\d+)<\/memory>/.exec(virsh('dumpxml', '--inactive', '--domain', domain))?.[1];
  /** Saves; when VS Code reports failure, the file system's own error says why. */
  const save = async (document: vscode.TextDocument): Promise<string | undefined> => {
    if (await document.save()) return undefined;
    try {
      await vscode.workspace.fs.writeFile(document.uri, new TextEncoder().encode(document.getText()));
      return 'save() failed, but writing the file worked';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  const replaceIn = async (document: vscode.TextDocument, from: RegExp, to: string) => {
    const text = document.getText();
    const match = from.exec(text);
    check(match, `${from} in the document`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)), to);
    check(await vscode.workspace.applyEdit(edit), 'the edit applies');
  };

  try {
    await test('the explorer: connections with their domains (states), networks and pools; the test driver beside; an unreachable one shows its error', async () => {
      const names = (await children()).map(label);
      check(names.join() === 'local,test,many,nowhere', `connections: ${names.join()}`);
      const groups = (await children(await connection('local'))).map(label);
      check(groups.join() === 'Domains,Networks,Storage Pools,Host', `groups: ${groups.join()}`);
      const domains = await children(await group('local', 'Domains'));
      const ours = domains.find((node) => label(node) === domain);
      check(ours, `${domain} is listed`);
      check((tree.getTreeItem(ours) as vscode.TreeItem).description === 'shut off', 'with its state');
      const networks = (await children(await group('local', 'Networks'))).map(label);
      check(networks.includes(network), `networks: ${networks.join()}`);
      const test = await children(await group('test', 'Domains'));
      check(
        test.length === 1 && label(test[0]!) === 'test' && (tree.getTreeItem(test[0]!) as vscode.TreeItem).description === 'running',
        'the test driver',
      );
      const nowhere = await children(await connection('nowhere'));
      check(
        nowhere.length === 1 && nowhere[0]!.type === 'message' && /Connection refused|unable to connect/i.test(label(nowhere[0]!)),
        `the error: ${nowhere.map(label).join()}`,
      );
    });

    await test('opening a live document: reading it, switching it to libvirt XML, showing it (timed)', async () => {
      const uri = liveUri('domains', domain);
      const t0 = Date.now();
      const document = await vscode.workspace.openTextDocument(uri);
      const t1 = Date.now();
      const switched = await vscode.languages.setTextDocumentLanguage(document, 'libvirt-xml');
      const t2 = Date.now();
      await vscode.window.showTextDocument(switched);
      const t3 = Date.now();
      results.push({ name: `measured parts: open ${t1 - t0} language ${t2 - t1} show ${t3 - t2}`, ok: true, ms: 0 });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    await test('a tree of 200 domains (the test driver, from a file) lists in under 1 s', async () => {
      const domains = await group('many', 'Domains');
      api.refreshExplorer();
      const started = Date.now();
      const listed = await children(domains);
      const ms = Date.now() - started;
      check(listed.length === 200, `${listed.length} domains`);
      check(ms < 1000, `${ms} ms`);
      results.push({ name: `measured: 200-domain tree ${ms} ms`, ok: true, ms });
    });

    await test('a live domain opened from the tree, edited and saved: virsh dumpxml shows the change', async () => {
      const node = (await children(await group('local', 'Domains'))).find((n) => label(n) === domain)!;
      const started = Date.now();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('libvirt.explorer.openXml', node);
      const opened = Date.now() - started;
      check(editor.document.uri.toString() === liveUri('domains', domain).toString(), `opened ${editor.document.uri}`);
      check(editor.document.languageId === 'libvirt-xml', 'as libvirt XML');
      check(opened < 1000, `opened in ${opened} ms`);
      results.push({ name: `measured: open a live domain ${opened} ms`, ok: true, ms: opened });
      await replaceIn(editor.document, /<memory unit='KiB'>65536<\/memory>/, "<memory unit='KiB'>131072</memory>");
      const saving = Date.now();
      const failed = await save(editor.document);
      check(!failed, `saved: ${failed}`);
      results.push({ name: `measured: save round trip ${Date.now() - saving} ms`, ok: true, ms: Date.now() - saving });
      check(memoryOf() === '131072', `virsh dumpxml shows ${memoryOf()}`);
      check(!editor.document.isDirty, 'not dirty');
    });

    await test('a refused save leaves the buffer dirty and the domain unchanged', async () => {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(liveUri('domains', domain)));
      api.answerPromptsWith(() => 'Save Anyway');
      await replaceIn(editor.document, /<vcpu[^>]*>1<\/vcpu>/, "<vcpu placement='static'>0</vcpu>");
      check(!(await editor.document.save()), 'the save failed');
      check(editor.document.isDirty, 'still dirty');
      check(editor.document.getText().includes('>0</vcpu>'), 'the edit is kept');
      check(/<vcpu placement='static'>1<\/vcpu>/.test(virsh('dumpxml', '--inactive', '--domain', domain)), 'the domain is unchanged');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    await test('an edit made with virsh in between: the save is refused (no overwrite); Overwrite then defines it', async () => {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(liveUri('domains', domain)));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      define(virsh('dumpxml', '--inactive', '--domain', domain).replace(
        /<memory unit='KiB'>\d+<\/memory>/,
        "<memory unit='KiB'>98304</memory>",
      ));
      await replaceIn(editor.document, /<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>262144</memory>");
      const asked: string[] = [];
      api.answerPromptsWith((message) => {
        asked.push(message);
        return undefined; // dismissed
      });
      check(!(await editor.document.save()), 'refused');
      check(
        asked.some((m) => m.includes(`'${domain}' changed on ${SYSTEM} since you opened it`)),
        `asked: ${asked.join(' | ')}`,
      );
      check(memoryOf() === '98304', "virsh's edit stays");
      check(editor.document.isDirty, 'the buffer keeps the edit');
      api.answerPromptsWith((_message, choices) => (choices.includes('Overwrite') ? 'Overwrite' : undefined));
      check(await editor.document.save(), 'overwritten on request');
      check(memoryOf() === '262144', `now ${memoryOf()}`);
    });

    await test('a storage pool edited in place: pool-dumpxml shows the change, and its volumes are in the tree', async () => {
      const path = join(dir, 'pool');
      define(`<pool type='dir'><name>${pool}</name><target><path>${path}</path></target></pool>`, 'pool-define');
      virsh('pool-build', pool);
      virsh('pool-start', pool);
      virsh('vol-create-as', pool, 'scratch.img', '1M');
      const node = (await children(await group('local', 'Storage Pools'))).find((n) => label(n) === pool)!;
      check(node, `pool ${pool} listed`);
      const volumes = (await children(node)).map(label);
      check(volumes.join() === 'scratch.img', `volumes: ${volumes.join()}`);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(liveUri('pools', pool)));
      await replaceIn(
        editor.document,
        /<permissions>[\s\S]*?<\/permissions>/,
        '<permissions>\n      <mode>0750</mode>\n    </permissions>',
      );
      const failed = await save(editor.document);
      check(!failed, `saved: ${failed}`);
      check(virsh('pool-dumpxml', '--inactive', pool).includes('<mode>0750</mode>'), 'libvirt has it');
    });

    await test('drift: a workspace file says whether it is the same as the live definition, and compares with it', async () => {
      const file = vscode.Uri.joinPath(workspace(), `${domain}.xml`);
      const live = virsh('dumpxml', '--inactive', '--domain', domain);
      // The file as virt-install would have written it: without what libvirt adds by itself.
      const plain = liveDomainXml(domain, 262144 / 1024).replace('<name>', `<uuid>${/<uuid>([^<]+)<\/uuid>/.exec(live)![1]}</uuid><name>`);
      writeFileSync(file.fsPath, plain);
      try {
        const document = await vscode.workspace.openTextDocument(file);
        await vscode.window.showTextDocument(document);
        const lensTitles = async () => {
          const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file, 10);
          return lenses.map((lens) => lens.command?.title ?? '');
        };
        let same: string | undefined;
        for (const deadline = Date.now() + 20_000; !same && Date.now() < deadline; ) {
          same = (await lensTitles()).find((t) => t.includes('local'));
          if (!same) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        if (!same?.includes('same as local')) {
          const reply = await vscode.commands.executeCommand<{ differences?: string[] }>('libvirt.compareWithLive', file, 'local');
          check(false, `lens: ${same}: ${reply?.differences?.join(' | ')}`);
        }
        await replaceIn(document, /<memory unit='MiB'>\d+<\/memory>/, "<memory unit='MiB'>1024</memory>");
        const titles = await lensTitles();
        check(
          titles.some((t) => t.includes("differs from local's definition")),
          `lenses: ${titles.join(' | ')}`,
        );
        const reply = await vscode.commands.executeCommand<{ ok: boolean; same: boolean; liveWithoutAdditions: string }>(
          'libvirt.compareWithLive',
          file,
          'local',
        );
        check(reply.ok && !reply.same, 'differs');
        check(!reply.liveWithoutAdditions.includes('<memballoon'), "libvirt's additions hidden");
        check(
          vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputTextDiff)),
          'a diff is open',
        );
        await vscode.commands.executeCommand('workbench.action.files.revert');
      } finally {
        rmSync(file.fsPath, { force: true });
      }
    });

    await test('a network edited in place: net-dumpxml shows the change', async () => {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(liveUri('networks', network)));
      await replaceIn(editor.document, /<\/network>/, "  <domain name='e2e.test'/>\n</network>");
      const failed = await save(editor.document);
      check(!failed, `saved: ${failed}`);
      check(virsh('net-dumpxml', '--inactive', network).includes("<domain name='e2e.test'/>"), 'libvirt has it');
    });
  } finally {
    api.answerPromptsWith(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config.update('connections', undefined, vscode.ConfigurationTarget.Global);
    for (const args of [
      ['undefine', '--nvram', '--domain', domain],
      ['net-undefine', network],
      ['pool-destroy', pool],
      ['pool-undefine', pool],
    ]) {
      try {
        virsh(...args);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
