// "Libvirt: Open Domain XML…": pick a connection (when there are several), then a domain with its state, and open
// its libvirt: document — saving it defines the domain (see live/liveFileSystem.ts).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { configuredConnections } from '../config';
import { stateLabel } from '../live/explorer';
import { openLiveXml } from '../live/explorerCommands';
import { liveUri } from '../live/liveTargets';
import { serverCommand } from '../serverCommands';

export async function openDomainXml(client: LanguageClient): Promise<vscode.TextEditor | undefined> {
  const connections = configuredConnections();
  const connection =
    connections.length === 1
      ? connections[0]
      : (
          await vscode.window.showQuickPick(
            connections.map((c) => ({ label: c.name, description: c.uri || vscode.l10n.t("virsh's default"), connection: c })),
            { placeHolder: vscode.l10n.t('Connection') },
          )
        )?.connection;
  if (!connection) return undefined;
  const list = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Listing the domains of {0}…', connection.name),
      cancellable: true,
    },
    (_progress, token) => serverCommand(client, COMMANDS.listObjects, [{ connection: connection.uri, kind: 'domain' }], token),
  );
  if (!list.ok) {
    void vscode.window.showErrorMessage(
      list.message ? `${connection.name}: ${list.message}` : vscode.l10n.t('{0}: could not list the domains.', connection.name),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.objects.map((d) => ({ label: d.name, description: stateLabel(d.state) })),
    { placeHolder: vscode.l10n.t('Domain on {0} to open (saving it defines it)', connection.name) },
  );
  if (!picked) return undefined;
  return openLiveXml(liveUri({ connectionName: connection.name, kind: 'domain', name: picked.label }));
}
