// "Libvirt: Start Domain" / "Shut Down Domain" for the <name> of the current file.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { domainNameOf, serverCommand } from '../serverCommands';

export async function changeDomainPower(
  client: LanguageClient,
  action: 'start' | 'shutdown',
  editor = vscode.window.activeTextEditor,
): Promise<void> {
  const name = editor && (await domainNameOf(client, editor.document));
  if (!name) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This file has no <name>.'));
    return;
  }
  const reply = await serverCommand(client, action === 'start' ? COMMANDS.start : COMMANDS.shutdown, [name]);
  if (reply.ok)
    void vscode.window.showInformationMessage(
      action === 'start' ? vscode.l10n.t("Domain '{0}' started.", name) : vscode.l10n.t("Domain '{0}' is shutting down.", name),
    );
  else void vscode.window.showErrorMessage(reply.message);
}
