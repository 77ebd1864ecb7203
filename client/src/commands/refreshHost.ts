// "Libvirt: Refresh Host Facts": read the connection's host facts again (after installing firmware, binding a
// device to vfio-pci, reserving hugepages...), so the host checks see the host as it is now.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { serverCommand } from '../serverCommands';

export async function refreshHost(client: LanguageClient): Promise<void> {
  const reply = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading host facts…'), cancellable: true },
    (_progress, token) => serverCommand(client, COMMANDS.refreshHost, [], token),
  );
  const where = reply.uri || vscode.l10n.t("virsh's default connection");
  if (reply.ok)
    void vscode.window.showInformationMessage(
      reply.summary === undefined
        ? vscode.l10n.t('Host facts for {0}: read.', where)
        : vscode.l10n.t('Host facts for {0}: {1}.', where, reply.summary),
    );
  else void vscode.window.showErrorMessage(vscode.l10n.t('Host facts for {0} unavailable: {1}', where, reply.message));
}
