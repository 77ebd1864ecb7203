// "Libvirt: Define from File": save, warn about errors, show what would be replaced, define (virsh define,
// net-define, pool-define; a volume is created in a pool the user picks, vol-create), then tell the user what
// libvirt dropped. On failure the document and its dirty state stay exactly as they were.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type DefineReply, DIAGNOSTIC_SOURCE, type LiveKind } from '../../../server/src/protocol';
import { readConfig } from '../config';
import { ask } from '../live/prompts';
import { serverCommand } from '../serverCommands';
import { reportDroppedParts } from './droppedParts';
import { showStoredXml } from './storedXml';

/** How messages name each kind. */
const LABELS: Readonly<Record<LiveKind, string>> = {
  domain: 'domain',
  network: 'network',
  pool: 'storage pool',
  volume: 'storage volume',
};

/** Returns libvirt's reply (for tests and other extensions), or undefined when the user stopped before defining. */
export async function defineDocument(
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
  const named = await serverCommand(client, COMMANDS.domainName, [document.uri.toString()]);
  const kind: LiveKind = named.ok ? named.kind : 'domain';
  const name = named.ok ? named.name : undefined;
  const label = LABELS[kind];
  const errors = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === DIAGNOSTIC_SOURCE);
  if (errors.length > 0) {
    const choice = await vscode.window.showWarningMessage(
      `This ${label} has ${errors.length} error${errors.length > 1 ? 's' : ''} libvirt may refuse.`,
      'Define Anyway',
      'Cancel',
    );
    if (choice !== 'Define Anyway') return undefined;
  }
  const connection = readConfig().connectionUri;
  let pool: string | undefined;
  if (kind === 'volume') {
    pool = await pickPool(client, connection);
    if (!pool) return undefined;
  } else if (name && !(await replaceExisting(client, kind, name, connection, document))) return undefined;
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Defining ${name ?? label}…`, cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.define, [document.uri.toString(), { pool }], token),
  );
  if (!reply.ok) {
    output.appendLine(`virsh failed for ${document.uri.fsPath}:\n${reply.stderr ?? reply.message}`);
    void vscode.window.showErrorMessage(`libvirt refused the ${label}: ${reply.message}`, 'Show Output').then((choice) => {
      if (choice === 'Show Output') output.show(true);
    });
    return reply;
  }
  const what = label.charAt(0).toUpperCase() + label.slice(1);
  reportDroppedParts(reply.name!, reply, document, output, what, kind === 'volume' ? `created in pool '${pool}'` : 'defined');
  return reply;
}

/** When an object of this name exists: show it beside the file and ask before replacing it. */
async function replaceExisting(
  client: LanguageClient,
  kind: LiveKind,
  name: string,
  connection: string,
  document: vscode.TextDocument,
): Promise<boolean> {
  const existing =
    kind === 'domain'
      ? await serverCommand(client, COMMANDS.dumpXml, [name])
      : await serverCommand(client, COMMANDS.readObject, [{ connection, kind, name }]);
  if (!existing.ok || !existing.stdout) return true;
  const stored = await showStoredXml(name, existing.stdout, document, `${name}: defined now ↔ this file`);
  const choice = await ask(`The ${LABELS[kind]} '${name}' exists. Replace its definition with this file?`, undefined, 'Define');
  stored.dispose();
  return choice === 'Define';
}

/** The pool a volume is created in: the connection's pools to pick from (an answerer may pick for tests). */
async function pickPool(client: LanguageClient, connection: string): Promise<string | undefined> {
  const pools = await serverCommand(client, COMMANDS.listObjects, [{ connection, kind: 'pool' }]);
  if (!pools.ok) {
    void vscode.window.showErrorMessage(`The storage pools could not be listed: ${pools.message}`);
    return undefined;
  }
  const active = pools.objects.filter((object) => object.state === 'active').map((object) => object.name);
  if (active.length === 0) {
    void vscode.window.showErrorMessage('A volume is created in an active storage pool, and this connection has none.');
    return undefined;
  }
  return ask('Create the volume in which storage pool?', undefined, ...active);
}
