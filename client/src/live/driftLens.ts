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
          title: reply.same
            ? vscode.l10n.t('$(check) same as {0}', connection.name)
            : vscode.l10n.t("$(diff) differs from {0}'s definition", connection.name),
          tooltip: reply.same
            ? vscode.l10n.t(
                "Only what libvirt adds by itself differs from '{0}' on {1}.",
                reply.name ?? '',
                connection.uri || connection.name,
              )
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
            { placeHolder: vscode.l10n.t('Compare with the definition on') },
          )
        )?.connection);
  if (!connection) return undefined;
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the definition on {0}…', connection.name) },
    () => compare(client, document, connection),
  );
  if (!reply.ok) {
    void vscode.window.showErrorMessage(`${connection.name}: ${reply.message}`);
    return reply;
  }
  if (!reply.exists) {
    void vscode.window.showInformationMessage(vscode.l10n.t("'{0}' is not defined on {1}.", reply.name ?? '', connection.name));
    return reply;
  }
  const name = reply.name ?? '';
  await showStoredXml(
    vscode.l10n.t('{0} on {1}', name, connection.name),
    reply.liveWithoutAdditions ?? '',
    document,
    vscode.l10n.t("{0} on {1} (libvirt's additions hidden) ↔ {2}", name, connection.name, vscode.workspace.asRelativePath(document.uri)),
  );
  if (reply.same)
    void vscode.window.showInformationMessage(
      vscode.l10n.t("'{0}' is the same as on {1} (only libvirt's own additions differ).", name, connection.name),
    );
  return reply;
}
