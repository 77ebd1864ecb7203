// "Libvirt: Start Domain" / "Shut Down Domain" for the <name> of the current file.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { serverCommand, type VirshReply } from '../serverCommands';

export async function changeDomainPower(
  client: LanguageClient,
  action: 'start' | 'shutdown',
  editor = vscode.window.activeTextEditor,
): Promise<void> {
  const name = editor && /<name>([^<]*)<\/name>/.exec(editor.document.getText())?.[1]?.trim();
  if (!name) {
    void vscode.window.showWarningMessage('This file has no <name>.');
    return;
  }
  const reply = await serverCommand<VirshReply>(client, action === 'start' ? 'libvirt.startDomain' : 'libvirt.shutdownDomain', [name]);
  if (reply.ok)
    void vscode.window.showInformationMessage(action === 'start' ? `Domain '${name}' started.` : `Domain '${name}' is shutting down.`);
  else void vscode.window.showErrorMessage(reply.message);
}
