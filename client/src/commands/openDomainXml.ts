// "Libvirt: Open Domain XML…": pick a domain (with its state) and open `virsh dumpxml --inactive` of it.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { serverCommand } from '../serverCommands';

export async function openDomainXml(client: LanguageClient): Promise<void> {
  const list = await serverCommand(client, COMMANDS.list, []);
  if (!list.ok) {
    void vscode.window.showErrorMessage(list.message || 'Could not list the domains.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    list.domains.map((d) => ({ label: d.name, description: d.state })),
    { placeHolder: 'Domain to open' },
  );
  if (!picked) return;
  const xml = await serverCommand(client, COMMANDS.dumpXml, [picked.label]);
  if (!xml.ok || xml.stdout === undefined) {
    void vscode.window.showErrorMessage(xml.message);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'libvirt-xml', content: xml.stdout });
  await vscode.window.showTextDocument(document);
}
