// Drift: for a workspace file whose <name> is defined on a configured connection, a CodeLens saying whether it is
// the same as that definition ("same as local" / "differs from gpu-box's definition"), and "Compare with Live
// Definition": a diff against the live XML with what libvirt adds by itself hidden.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type CompareWithLiveReply, type LibvirtConnectionSetting } from '../../../server/src/protocol';
import { showStoredXml } from '../commands/storedXml';
import { configuredConnections } from '../config';
import { isDomainXml } from '../kindDetection';
import { serverCommand } from '../serverCommands';

export const COMPARE_WITH_LIVE = 'libvirt.compareWithLive';

export class DriftLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (document.uri.scheme !== 'file' || !vscode.workspace.isTrusted) return [];
    const text = document.getText();
    if (!isDomainXml(text)) return [];
    const at = document.positionAt(Math.max(0, text.indexOf('<domain')));
    const range = new vscode.Range(at, at);
    const lenses: vscode.CodeLens[] = [];
    for (const connection of configuredConnections()) {
      if (token.isCancellationRequested) break;
      const reply = await compare(this.client, document, connection, token);
      if (!reply.ok || !reply.exists) continue;
      lenses.push(
        new vscode.CodeLens(range, {
          title: reply.same ? `$(check) same as ${connection.name}` : `$(diff) differs from ${connection.name}'s definition`,
          tooltip: reply.same
            ? `Only what libvirt adds by itself differs from '${reply.name}' on ${connection.uri || connection.name}.`
            : (reply.differences ?? []).slice(0, 12).join('\n'),
          command: COMPARE_WITH_LIVE,
          arguments: [document.uri, connection.name],
        }),
      );
    }
    return lenses;
  }
}

function compare(
  client: LanguageClient,
  document: vscode.TextDocument,
  connection: LibvirtConnectionSetting,
  token?: vscode.CancellationToken,
): Promise<CompareWithLiveReply> {
  return serverCommand(client, COMMANDS.compareWithLive, [{ documentUri: document.uri.toString(), connection: connection.uri }], token);
}

/** Opens the diff: the live definition (libvirt's own additions hidden) ↔ the file. */
export async function compareWithLive(
  client: LanguageClient,
  uri?: vscode.Uri,
  connectionName?: string,
): Promise<CompareWithLiveReply | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  const connections = configuredConnections();
  const connection =
    connections.find((c) => c.name === connectionName) ??
    (connections.length === 1
      ? connections[0]
      : (
          await vscode.window.showQuickPick(
            connections.map((c) => ({ label: c.name, description: c.uri, connection: c })),
            { placeHolder: 'Compare with the definition on' },
          )
        )?.connection);
  if (!connection) return undefined;
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading the definition on ${connection.name}…` },
    () => compare(client, document, connection),
  );
  if (!reply.ok) {
    void vscode.window.showErrorMessage(`${connection.name}: ${reply.message}`);
    return reply;
  }
  if (!reply.exists) {
    void vscode.window.showInformationMessage(`'${reply.name}' is not defined on ${connection.name}.`);
    return reply;
  }
  await showStoredXml(
    `${reply.name} on ${connection.name}`,
    reply.liveWithoutAdditions ?? '',
    document,
    `${reply.name} on ${connection.name} (libvirt's additions hidden) ↔ ${vscode.workspace.asRelativePath(document.uri)}`,
  );
  if (reply.same)
    void vscode.window.showInformationMessage(
      `'${reply.name}' is the same as on ${connection.name} (only libvirt's own additions differ).`,
    );
  return reply;
}
