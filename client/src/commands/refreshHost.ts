// "Libvirt: Refresh Host Facts": read the connection's host facts again (after installing firmware, binding a
// device to vfio-pci, reserving hugepages...), so the host checks see the host as it is now.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { connectionName } from '../../../server/src/service/hostFacts';
import { serverCommand } from '../serverCommands';

export async function refreshHost(client: LanguageClient): Promise<void> {
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Reading host facts…', cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.refreshHost, [], token),
  );
  const where = connectionName(reply.uri);
  if (reply.ok) void vscode.window.showInformationMessage(`Host facts for ${where}: ${reply.summary ?? 'read'}.`);
  else void vscode.window.showErrorMessage(`Host facts for ${where} unavailable: ${reply.message}`);
}
