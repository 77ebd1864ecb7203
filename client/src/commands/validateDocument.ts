// "Libvirt: Validate with libvirt's schema": virt-xml-validate on the buffer, problems shown as diagnostics.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { serverCommand } from '../serverCommands';

export async function validateDocument(
  client: LanguageClient,
  output: vscode.OutputChannel,
  editor = vscode.window.activeTextEditor,
): Promise<void> {
  if (!editor) return;
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating with libvirt’s schema…', cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.validate, [editor.document.uri.toString()], token),
  );
  if (reply.ok) void vscode.window.showInformationMessage('The document is valid against libvirt’s schema.');
  else if (reply.problems.length > 0)
    void vscode.window.showWarningMessage(`libvirt’s schema reports ${reply.problems.length} problem(s); see the Problems panel.`);
  else {
    output.appendLine(reply.message);
    void vscode.window.showErrorMessage(reply.message);
  }
}
