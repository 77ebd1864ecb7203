// What the explorer's items do: open XML (the libvirt: document), start, shut down, force off, reboot, undefine
// (after a confirmation that names the domain and offers its NVRAM), save to the workspace, compare with a file;
// start and stop networks and pools; refresh a host's facts. Every virsh call shows progress and can be cancelled,
// and the tree is read again after each action.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type LiveAction, type LiveTarget } from '../../../server/src/protocol';
import { serverCommand } from '../serverCommands';
import type { ExplorerNode, LibvirtExplorer } from './explorer';
import { connectionTitle, liveUri } from './liveTargets';
import { ask } from './prompts';

type ObjectNode = Extract<ExplorerNode, { type: 'object' }>;

const targetOf = (node: ObjectNode): LiveTarget => ({
  connection: node.connection.uri,
  kind: node.kind,
  name: node.object.name,
  pool: node.pool,
});
const uriOf = (node: ObjectNode) =>
  liveUri({ connectionName: node.connection.name, kind: node.kind, name: node.object.name, pool: node.pool });

/** Opens an object's libvirt: document as libvirt XML. */
export async function openLiveXml(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'libvirt-xml') await vscode.languages.setTextDocumentLanguage(document, 'libvirt-xml');
  return vscode.window.showTextDocument(document, { preview: false });
}

export function registerExplorerCommands(client: LanguageClient, explorer: LibvirtExplorer): vscode.Disposable[] {
  const act = async (node: ObjectNode | undefined, action: LiveAction, done: string) => {
    if (node?.type !== 'object') return undefined;
    const where = connectionTitle(node.connection);
    const reply = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${node.object.name} on ${where}: ${action}…`, cancellable: true },
      (_progress, token) => serverCommand(client, COMMANDS.objectAction, [{ target: targetOf(node), action }], token),
    );
    explorer.refresh();
    if (reply.ok) void vscode.window.showInformationMessage(`${node.object.name} on ${node.connection.name} ${done}.`);
    else void vscode.window.showErrorMessage(`${node.object.name} on ${node.connection.name}: ${reply.message}`);
    return reply;
  };
  const register = (command: string, run: (node: ObjectNode) => unknown) =>
    vscode.commands.registerCommand(command, (node: ObjectNode) => run(node));
  return [
    vscode.commands.registerCommand('libvirt.explorer.refresh', () => explorer.refresh()),
    register('libvirt.explorer.openXml', (node) => openLiveXml(uriOf(node))),
    register('libvirt.explorer.start', (node) => act(node, 'start', 'started')),
    register('libvirt.explorer.shutdown', (node) => act(node, 'shutdown', 'is shutting down')),
    register('libvirt.explorer.forceOff', (node) => act(node, 'destroy', node.kind === 'domain' ? 'was forced off' : 'stopped')),
    register('libvirt.explorer.checkHost', async (node) => {
      // The readiness report of the live definition, on its own connection's host.
      await openLiveXml(uriOf(node));
      return vscode.commands.executeCommand('libvirt.checkHost');
    }),
    register('libvirt.explorer.stop', (node) => act(node, 'destroy', 'stopped')),
    register('libvirt.explorer.reboot', (node) => act(node, 'reboot', 'is rebooting')),
    register('libvirt.explorer.undefine', async (node) => {
      const uefi = node.kind === 'domain';
      const choice = await ask(
        `Undefine ${node.kind} '${node.object.name}' on ${connectionTitle(node.connection)}?`,
        'Its definition is removed from libvirt; disk images are kept.',
        'Undefine',
        ...(uefi ? ['Undefine with NVRAM'] : []),
      );
      if (choice === 'Undefine') return act(node, 'undefine', 'was undefined');
      if (choice === 'Undefine with NVRAM') return act(node, 'undefine-nvram', 'was undefined with its NVRAM');
      return undefined;
    }),
    register('libvirt.explorer.saveToWorkspace', async (node) => {
      const xml = await serverCommand(client, COMMANDS.readObject, [targetOf(node)]);
      if (!xml.ok) return void vscode.window.showErrorMessage(xml.message);
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const file = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${node.object.name}.xml`) : undefined,
        filters: { 'libvirt XML': ['xml'] },
      });
      if (!file) return undefined;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(xml.stdout));
      await vscode.window.showTextDocument(file);
      return file;
    }),
    register('libvirt.explorer.compareWithFile', async (node) => {
      const [file] =
        (await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { 'libvirt XML': ['xml'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        })) ?? [];
      if (!file) return undefined;
      return vscode.commands.executeCommand(
        'vscode.diff',
        uriOf(node),
        file,
        `${node.object.name} on ${node.connection.name} ↔ ${vscode.workspace.asRelativePath(file)}`,
      );
    }),
    vscode.commands.registerCommand('libvirt.explorer.hostFacts', async (node: Extract<ExplorerNode, { type: 'host' }>) => {
      const reply = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Reading the host of ${connectionTitle(node.connection)}…`,
          cancellable: true,
        },
        (_progress, token) => serverCommand(client, COMMANDS.refreshHost, [node.connection.uri], token),
      );
      if (reply.ok) void vscode.window.showInformationMessage(`Host of ${node.connection.name}: ${reply.summary}`);
      else void vscode.window.showErrorMessage(`Host of ${node.connection.name}: ${reply.message}`);
      return reply;
    }),
  ];
}
