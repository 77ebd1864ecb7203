// "Libvirt: Define from File": save, warn about errors, show what would be replaced, define (virsh define,
// net-define, pool-define; a volume is created in a pool the user picks, vol-create), then tell the user what
// libvirt dropped. On failure the document and its dirty state stay exactly as they were.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type DefineReply, DIAGNOSTIC_SOURCE, type LiveKind } from '../../../server/src/protocol';
import { readConfig } from '../config';
import { ask } from '../live/prompts';
import { serverCommand } from '../serverCommands';
import { type DefinedNotice, reportDroppedParts } from './droppedParts';
import { showStoredXml } from './storedXml';

/** What is said of a document of each kind, one whole sentence each (the words differ by kind in every language). */
interface KindTexts {
  /** This {kind} has N errors libvirt may refuse. */
  errors(count: number): string;
  /** Defining {kind}… (a document without a <name>). */
  readonly defining: string;
  refused(message: string): string;
  /** The {kind} 'NAME' exists. Replace its definition with this file? */
  exists(name: string): string;
  defined(name: string, pool: string | undefined): DefinedNotice;
}

const KIND_TEXTS: Readonly<Record<LiveKind, () => KindTexts>> = {
  domain: () => ({
    errors: (count) =>
      count === 1
        ? vscode.l10n.t('This domain has {0} error libvirt may refuse.', count)
        : vscode.l10n.t('This domain has {0} errors libvirt may refuse.', count),
    defining: vscode.l10n.t('Defining domain…'),
    refused: (message) => vscode.l10n.t('libvirt refused the domain: {0}', message),
    exists: (name) => vscode.l10n.t("The domain '{0}' exists. Replace its definition with this file?", name),
    defined: (name) => ({
      done: vscode.l10n.t("Domain '{0}' defined.", name),
      changed: (count, first) => vscode.l10n.t("Domain '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
    }),
  }),
  network: () => ({
    errors: (count) =>
      count === 1
        ? vscode.l10n.t('This network has {0} error libvirt may refuse.', count)
        : vscode.l10n.t('This network has {0} errors libvirt may refuse.', count),
    defining: vscode.l10n.t('Defining network…'),
    refused: (message) => vscode.l10n.t('libvirt refused the network: {0}', message),
    exists: (name) => vscode.l10n.t("The network '{0}' exists. Replace its definition with this file?", name),
    defined: (name) => ({
      done: vscode.l10n.t("Network '{0}' defined.", name),
      changed: (count, first) =>
        vscode.l10n.t("Network '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
    }),
  }),
  pool: () => ({
    errors: (count) =>
      count === 1
        ? vscode.l10n.t('This storage pool has {0} error libvirt may refuse.', count)
        : vscode.l10n.t('This storage pool has {0} errors libvirt may refuse.', count),
    defining: vscode.l10n.t('Defining storage pool…'),
    refused: (message) => vscode.l10n.t('libvirt refused the storage pool: {0}', message),
    exists: (name) => vscode.l10n.t("The storage pool '{0}' exists. Replace its definition with this file?", name),
    defined: (name) => ({
      done: vscode.l10n.t("Storage pool '{0}' defined.", name),
      changed: (count, first) =>
        vscode.l10n.t("Storage pool '{0}' defined, but libvirt dropped or rewrote {1} part(s): {2}", name, count, first),
    }),
  }),
  volume: () => ({
    errors: (count) =>
      count === 1
        ? vscode.l10n.t('This storage volume has {0} error libvirt may refuse.', count)
        : vscode.l10n.t('This storage volume has {0} errors libvirt may refuse.', count),
    defining: vscode.l10n.t('Defining storage volume…'),
    refused: (message) => vscode.l10n.t('libvirt refused the storage volume: {0}', message),
    exists: (name) => vscode.l10n.t("The storage volume '{0}' exists. Replace its definition with this file?", name),
    defined: (name, pool) => ({
      done: vscode.l10n.t("Storage volume '{0}' created in pool '{1}'.", name, pool ?? ''),
      changed: (count, first) =>
        vscode.l10n.t(
          "Storage volume '{0}' created in pool '{1}', but libvirt dropped or rewrote {2} part(s): {3}",
          name,
          pool ?? '',
          count,
          first,
        ),
    }),
  }),
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
    void vscode.window.showWarningMessage(vscode.l10n.t('The file was not saved, so it was not defined.'));
    return undefined;
  }
  const named = await serverCommand(client, COMMANDS.domainName, [document.uri.toString()]);
  const kind: LiveKind = named.ok ? named.kind : 'domain';
  const name = named.ok ? named.name : undefined;
  const texts = KIND_TEXTS[kind]();
  const errors = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === DIAGNOSTIC_SOURCE);
  if (errors.length > 0) {
    const defineAnyway = vscode.l10n.t('Define Anyway');
    const choice = await vscode.window.showWarningMessage(texts.errors(errors.length), defineAnyway, vscode.l10n.t('Cancel'));
    if (choice !== defineAnyway) return undefined;
  }
  const connection = readConfig().connectionUri;
  let pool: string | undefined;
  if (kind === 'volume') {
    pool = await pickPool(client, connection);
    if (!pool) return undefined;
  } else if (name && !(await replaceExisting(client, kind, name, connection, document))) return undefined;
  const reply = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: name === undefined ? texts.defining : vscode.l10n.t('Defining {0}…', name),
      cancellable: true,
    },
    (_progress, token) => serverCommand(client, COMMANDS.define, [document.uri.toString(), { pool }], token),
  );
  if (!reply.ok) {
    output.appendLine(vscode.l10n.t('virsh failed for {0}:\n{1}', document.uri.fsPath, reply.stderr ?? reply.message));
    const showOutput = vscode.l10n.t('Show Output');
    void vscode.window.showErrorMessage(texts.refused(reply.message), showOutput).then((choice) => {
      if (choice === showOutput) output.show(true);
    });
    return reply;
  }
  reportDroppedParts(reply.name!, reply, document, output, texts.defined(reply.name!, pool));
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
  const stored = await showStoredXml(name, existing.stdout, document, vscode.l10n.t('{0}: defined now ↔ this file', name));
  const define = vscode.l10n.t('Define');
  const choice = await ask(KIND_TEXTS[kind]().exists(name), undefined, define);
  stored.dispose();
  return choice === define;
}

/** The pool a volume is created in: the connection's pools to pick from (an answerer may pick for tests). */
async function pickPool(client: LanguageClient, connection: string): Promise<string | undefined> {
  const pools = await serverCommand(client, COMMANDS.listObjects, [{ connection, kind: 'pool' }]);
  if (!pools.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The storage pools could not be listed: {0}', pools.message));
    return undefined;
  }
  const active = pools.objects.filter((object) => object.state === 'active').map((object) => object.name);
  if (active.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('A volume is created in an active storage pool, and this connection has none.'));
    return undefined;
  }
  return ask(vscode.l10n.t('Create the volume in which storage pool?'), undefined, ...active);
}
