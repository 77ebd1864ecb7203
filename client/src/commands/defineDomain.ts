// "Libvirt: Define Domain from File": save, warn about errors, show what would be replaced, define, then tell the
// user what libvirt dropped. On failure the document and its dirty state stay exactly as they were.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type DefineReply, DIAGNOSTIC_SOURCE } from '../../../server/src/protocol';
import { domainNameOf, serverCommand } from '../serverCommands';
import { reportDroppedParts } from './droppedParts';
import { showStoredXml } from './storedXml';

/** Returns libvirt's reply (for tests and other extensions), or undefined when the user stopped before defining. */
export async function defineDomain(
  client: LanguageClient,
  output: vscode.OutputChannel,
  editor = vscode.window.activeTextEditor,
): Promise<DefineReply | undefined> {
  if (!editor) return undefined;
  const document = editor.document;
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage('The file was not saved, so it was not defined.');
    return undefined;
  }
  const errors = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === DIAGNOSTIC_SOURCE);
  if (errors.length > 0) {
    const choice = await vscode.window.showWarningMessage(
      `This domain has ${errors.length} error${errors.length > 1 ? 's' : ''} libvirt may refuse.`,
      'Define Anyway',
      'Cancel',
    );
    if (choice !== 'Define Anyway') return undefined;
  }
  const name = await domainNameOf(client, document);
  if (name) {
    const existing = await serverCommand(client, COMMANDS.dumpXml, [name]);
    if (existing.ok && existing.stdout) {
      const stored = await showStoredXml(name, existing.stdout, document, `${name}: defined now ↔ this file`);
      const choice = await vscode.window.showInformationMessage(
        `Domain '${name}' exists. Replace its definition with this file?`,
        { modal: true },
        'Define',
      );
      stored.dispose();
      if (choice !== 'Define') return undefined;
    }
  }
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Defining ${name ?? 'domain'}…`, cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.define, [document.uri.toString()], token),
  );
  if (!reply.ok) {
    output.appendLine(`virsh define failed for ${document.uri.fsPath}:\n${reply.stderr ?? reply.message}`);
    void vscode.window.showErrorMessage(`libvirt refused the domain: ${reply.message}`, 'Show Output').then((choice) => {
      if (choice === 'Show Output') output.show(true);
    });
    return reply;
  }
  reportDroppedParts(reply.name!, reply, document, output);
  return reply;
}
