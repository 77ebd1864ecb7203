// Wires the extension together: the language client, the commands, the CodeLens, the status bar, trust.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NOTIFICATIONS } from '../../server/src/protocol';
import { checkHost } from './commands/checkHost';
import { defineDomain } from './commands/defineDomain';
import { changeDomainPower } from './commands/domainPower';
import { openDomainXml } from './commands/openDomainXml';
import { refreshHost } from './commands/refreshHost';
import { STORED_SCHEME, storedXmlProvider } from './commands/storedXml';
import { validateDomain } from './commands/validateDomain';
import { connectionLabel, readConfig, SECTION } from './config';
import { isDomainXml } from './domainDetection';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Libvirt', { log: true });
  client = createLanguageClient(context, output);
  const running = client;
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  /** Commands that run virsh refuse in untrusted workspaces (the server refuses too). */
  const trustedOnly = (run: () => Promise<unknown>) => async () => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Libvirt commands run virsh, which is disabled in an untrusted workspace.');
      return undefined;
    }
    return run();
  };
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    status.text = `$(server) ${connectionLabel(readConfig())}`;
    status.tooltip = 'libvirt connection used by the Libvirt commands (libvirt.connectionUri)';
    status.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['libvirt.connectionUri'] };
    if (editor && isDomainXml(editor.document.getText())) status.show();
    else status.hide();
    void vscode.commands.executeCommand('setContext', 'libvirt.isDomain', !!editor && isDomainXml(editor.document.getText()));
  };
  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(STORED_SCHEME, storedXmlProvider),
    vscode.commands.registerCommand(
      'libvirt.define',
      trustedOnly(() => defineDomain(running, output)),
    ),
    vscode.commands.registerCommand(
      'libvirt.validate',
      trustedOnly(() => validateDomain(running, output)),
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
        if (!isDomainXml(text)) return [];
        const at = document.positionAt(Math.max(0, text.indexOf('<domain')));
        const range = new vscode.Range(at, at);
        return [
          new vscode.CodeLens(range, { title: 'Define with virsh', command: 'libvirt.define' }),
          new vscode.CodeLens(range, { title: 'Validate with libvirt’s schema', command: 'libvirt.validate' }),
        ];
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) updateStatus();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void running.sendNotification(NOTIFICATIONS.workspaceTrust, { trusted: true });
    }),
  );
  updateStatus();
  await running.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
