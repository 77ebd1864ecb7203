// "Libvirt: Check Host for This Domain": the passthrough readiness report of the current domain on its connection's
// host — every requirement with ✔/✘, its evidence, and the lines that fix what fails — in a Markdown preview.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { serverCommand } from '../serverCommands';

export async function checkHost(client: LanguageClient, editor = vscode.window.activeTextEditor): Promise<string | undefined> {
  if (!editor) return undefined;
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the host…'), cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.hostReport, [editor.document.uri.toString()], token),
  );
  if (!reply.ok || !reply.markdown) {
    void vscode.window.showErrorMessage(reply.message);
    return undefined;
  }
  const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: reply.markdown });
  await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  await vscode.commands.executeCommand('markdown.showPreview', report.uri);
  return reply.markdown;
}
