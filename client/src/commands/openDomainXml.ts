// "Libvirt: Open Domain XML…": pick a connection (when there are several), then a domain with its state, and open
// its libvirt: document — saving it defines the domain (see live/liveFileSystem.ts).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { configuredConnections } from '../config';
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
            connections.map((c) => ({ label: c.name, description: c.uri || "virsh's default", connection: c })),
            { placeHolder: 'Connection' },
          )
        )?.connection;
  if (!connection) return undefined;
  const list = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Listing the domains of ${connection.name}…`, cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.listObjects, [{ connection: connection.uri, kind: 'domain' }], token),
  );
  if (!list.ok) {
    void vscode.window.showErrorMessage(`${connection.name}: ${list.message || 'could not list the domains.'}`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    list.objects.map((d) => ({ label: d.name, description: d.state })),
    { placeHolder: `Domain on ${connection.name} to open (saving it defines it)` },
  );
  if (!picked) return undefined;
  return openLiveXml(liveUri({ connectionName: connection.name, kind: 'domain', name: picked.label }));
}
