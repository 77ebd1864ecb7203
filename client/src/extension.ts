// Wires the extension together: the language client, the commands, the CodeLens, the status bar, trust.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIVE_SCHEME } from '../../server/src/liveDocuments';
import { NOTIFICATIONS } from '../../server/src/protocol';
import { checkHost } from './commands/checkHost';
import { defineDocument } from './commands/defineDocument';
import { changeDomainPower } from './commands/domainPower';
import { openDomainXml } from './commands/openDomainXml';
import { refreshHost } from './commands/refreshHost';
import { STORED_SCHEME, storedXmlProvider } from './commands/storedXml';
import { validateDocument } from './commands/validateDocument';
import { connectionLabel, readConfig, SECTION } from './config';
import { libvirtKindOf } from './kindDetection';
import { createLanguageClient } from './languageClient';
import { COMPARE_WITH_LIVE, compareWithLive, DriftLens } from './live/driftLens';
import { EXPLORER_VIEW, type ExplorerNode, LibvirtExplorer } from './live/explorer';
import { registerExplorerCommands } from './live/explorerCommands';
import { LiveFileSystem } from './live/liveFileSystem';
import { answerPromptsWith } from './live/prompts';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and the end-to-end tests): who answers live editing's questions. */
export interface LibvirtExtensionApi {
  readonly answerPromptsWith: typeof answerPromptsWith;
  /** Reads the explorer's tree again. */
  refreshExplorer(): void;
  /** The explorer's tree, as VS Code shows it. */
  readonly explorer: vscode.TreeDataProvider<ExplorerNode>;
}

export async function activate(context: vscode.ExtensionContext): Promise<LibvirtExtensionApi> {
  const output = vscode.window.createOutputChannel('Libvirt', { log: true });
  client = createLanguageClient(context, output);
  const running = client;
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  /** Commands that run virsh refuse in untrusted workspaces (the server refuses too). */
  const trustedOnly = (run: () => Promise<unknown>) => async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Libvirt commands run virsh, which is disabled in an untrusted workspace.'));
      return undefined;
    }
    return run();
  };
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    status.text = `$(server) ${connectionLabel(readConfig())}`;
    status.tooltip = vscode.l10n.t('libvirt connection used by the Libvirt commands (libvirt.connectionUri)');
    status.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['libvirt.connectionUri'] };
    const kind = editor ? libvirtKindOf(editor.document.getText()) : undefined;
    if (kind) status.show();
    else status.hide();
    void vscode.commands.executeCommand('setContext', 'libvirt.isDomain', kind === 'domain');
    // Define and Validate serve every kind (domain, network, pool, volume).
    void vscode.commands.executeCommand('setContext', 'libvirt.isLibvirtXml', kind !== undefined);
  };
  const explorer = new LibvirtExplorer(running);
  const drift = new DriftLens(running);
  const liveFiles = new LiveFileSystem(running, output, () => {
    explorer.refresh();
    drift.refresh();
  });
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(LIVE_SCHEME, liveFiles, { isCaseSensitive: true }),
    vscode.window.createTreeView(EXPLORER_VIEW, { treeDataProvider: explorer, showCollapseAll: true }),
    ...registerExplorerCommands(running, explorer),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'libvirt-xml' },
        { scheme: 'file', language: 'xml' },
      ],
      drift,
    ),
    vscode.commands.registerCommand(COMPARE_WITH_LIVE, (uri?: vscode.Uri, connection?: string) =>
      trustedOnly(() => compareWithLive(running, uri, connection))(),
    ),
    vscode.workspace.onDidSaveTextDocument(() => drift.refresh()),
  );
  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(STORED_SCHEME, storedXmlProvider),
    vscode.commands.registerCommand(
      'libvirt.define',
      trustedOnly(() => defineDocument(running, output)),
    ),
    vscode.commands.registerCommand(
      'libvirt.validate',
      trustedOnly(() => validateDocument(running, output)),
    ),
    vscode.commands.registerCommand(
      'libvirt.openDomainXml',
      trustedOnly(() => openDomainXml(running)),
    ),
    vscode.commands.registerCommand(
      'libvirt.start',
      trustedOnly(() => changeDomainPower(running, 'start')),
    ),
    vscode.commands.registerCommand(
      'libvirt.shutdown',
      trustedOnly(() => changeDomainPower(running, 'shutdown')),
    ),
    vscode.commands.registerCommand(
      'libvirt.checkHost',
      trustedOnly(() => checkHost(running)),
    ),
    vscode.commands.registerCommand(
      'libvirt.refreshHostFacts',
      trustedOnly(() => refreshHost(running)),
    ),
    vscode.languages.registerCodeLensProvider([{ language: 'libvirt-xml' }, { language: 'xml' }], {
      provideCodeLenses(document) {
        const text = document.getText();
        const kind = libvirtKindOf(text);
        if (!kind) return [];
        const at = document.positionAt(Math.max(0, text.indexOf(`<${kind}`)));
        const range = new vscode.Range(at, at);
        return [
          new vscode.CodeLens(range, {
            title: kind === 'volume' ? vscode.l10n.t('Create in a pool with virsh') : vscode.l10n.t('Define with virsh'),
            command: 'libvirt.define',
          }),
          new vscode.CodeLens(range, { title: vscode.l10n.t('Validate with libvirt’s schema'), command: 'libvirt.validate' }),
        ];
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) updateStatus();
      if (event.affectsConfiguration(`${SECTION}.connections`) || event.affectsConfiguration(`${SECTION}.connectionUri`))
        explorer.refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void running.sendNotification(NOTIFICATIONS.workspaceTrust, { trusted: true });
    }),
  );
  updateStatus();
  await running.start();
  return { answerPromptsWith, refreshExplorer: () => explorer.refresh(), explorer };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
