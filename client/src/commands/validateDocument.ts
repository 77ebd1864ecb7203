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
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Validating with libvirt’s schema…'), cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.validate, [editor.document.uri.toString()], token),
  );
  if (reply.ok) void vscode.window.showInformationMessage(vscode.l10n.t('The document is valid against libvirt’s schema.'));
  else if (reply.problems.length > 0)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('libvirt’s schema reports {0} problem(s); see the Problems panel.', reply.problems.length),
    );
  else {
    output.appendLine(reply.message);
    void vscode.window.showErrorMessage(reply.message);
  }
}
