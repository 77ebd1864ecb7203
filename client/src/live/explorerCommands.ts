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

/** The progress title of an action: '{0}' the object, '{1}' its connection. */
function actionProgress(action: LiveAction, name: string, where: string): string {
  switch (action) {
    case 'start':
      return vscode.l10n.t('{0} on {1}: start…', name, where);
    case 'shutdown':
      return vscode.l10n.t('{0} on {1}: shutdown…', name, where);
    case 'destroy':
      return vscode.l10n.t('{0} on {1}: destroy…', name, where);
    case 'reboot':
      return vscode.l10n.t('{0} on {1}: reboot…', name, where);
    case 'undefine':
      return vscode.l10n.t('{0} on {1}: undefine…', name, where);
    case 'undefine-nvram':
      return vscode.l10n.t('{0} on {1}: undefine-nvram…', name, where);
  }
}

/** The question before undefining an object of a kind. */
function undefineQuestion(node: ObjectNode): string {
  const where = connectionTitle(node.connection);
  switch (node.kind) {
    case 'domain':
      return vscode.l10n.t("Undefine domain '{0}' on {1}?", node.object.name, where);
    case 'network':
      return vscode.l10n.t("Undefine network '{0}' on {1}?", node.object.name, where);
    case 'pool':
      return vscode.l10n.t("Undefine pool '{0}' on {1}?", node.object.name, where);
    case 'volume':
      return vscode.l10n.t("Undefine volume '{0}' on {1}?", node.object.name, where);
  }
}

export function registerExplorerCommands(client: LanguageClient, explorer: LibvirtExplorer): vscode.Disposable[] {
  /** Runs an action with progress; `done` says it worked ('{0}' the object, '{1}' its connection). */
  const act = async (node: ObjectNode | undefined, action: LiveAction, done: (name: string, connection: string) => string) => {
    if (node?.type !== 'object') return undefined;
    const where = connectionTitle(node.connection);
    const reply = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: actionProgress(action, node.object.name, where), cancellable: true },
      (_progress, token) => serverCommand(client, COMMANDS.objectAction, [{ target: targetOf(node), action }], token),
    );
    explorer.refresh();
    if (reply.ok) void vscode.window.showInformationMessage(done(node.object.name, node.connection.name));
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0} on {1}: {2}', node.object.name, node.connection.name, reply.message));
    return reply;
  };
  const register = (command: string, run: (node: ObjectNode) => unknown) =>
    vscode.commands.registerCommand(command, (node: ObjectNode) => run(node));
  return [
    vscode.commands.registerCommand('libvirt.explorer.refresh', () => explorer.refresh()),
    register('libvirt.explorer.openXml', (node) => openLiveXml(uriOf(node))),
    register('libvirt.explorer.start', (node) => act(node, 'start', (name, where) => vscode.l10n.t('{0} on {1} started.', name, where))),
    register('libvirt.explorer.shutdown', (node) =>
      act(node, 'shutdown', (name, where) => vscode.l10n.t('{0} on {1} is shutting down.', name, where)),
    ),
    register('libvirt.explorer.forceOff', (node) =>
      act(node, 'destroy', (name, where) =>
        node.kind === 'domain'
          ? vscode.l10n.t('{0} on {1} was forced off.', name, where)
          : vscode.l10n.t('{0} on {1} stopped.', name, where),
      ),
    ),
    register('libvirt.explorer.checkHost', async (node) => {
      // The readiness report of the live definition, on its own connection's host.
      await openLiveXml(uriOf(node));
      return vscode.commands.executeCommand('libvirt.checkHost');
    }),
    register('libvirt.explorer.stop', (node) => act(node, 'destroy', (name, where) => vscode.l10n.t('{0} on {1} stopped.', name, where))),
    register('libvirt.explorer.reboot', (node) =>
      act(node, 'reboot', (name, where) => vscode.l10n.t('{0} on {1} is rebooting.', name, where)),
    ),
    register('libvirt.explorer.undefine', async (node) => {
      const uefi = node.kind === 'domain';
      const undefine = vscode.l10n.t('Undefine');
      const withNvram = vscode.l10n.t('Undefine with NVRAM');
      const choice = await ask(
        undefineQuestion(node),
        vscode.l10n.t('Its definition is removed from libvirt; disk images are kept.'),
        undefine,
        ...(uefi ? [withNvram] : []),
      );
      if (choice === undefine) return act(node, 'undefine', (name, where) => vscode.l10n.t('{0} on {1} was undefined.', name, where));
      if (choice === withNvram)
        return act(node, 'undefine-nvram', (name, where) => vscode.l10n.t('{0} on {1} was undefined with its NVRAM.', name, where));
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
        vscode.l10n.t('{0} on {1} ↔ {2}', node.object.name, node.connection.name, vscode.workspace.asRelativePath(file)),
      );
    }),
    vscode.commands.registerCommand('libvirt.explorer.hostFacts', async (node: Extract<ExplorerNode, { type: 'host' }>) => {
      const reply = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Reading the host of {0}…', connectionTitle(node.connection)),
          cancellable: true,
        },
        (_progress, token) => serverCommand(client, COMMANDS.refreshHost, [node.connection.uri], token),
      );
      if (reply.ok) void vscode.window.showInformationMessage(vscode.l10n.t('Host of {0}: {1}', node.connection.name, reply.summary ?? ''));
      else void vscode.window.showErrorMessage(vscode.l10n.t('Host of {0}: {1}', node.connection.name, reply.message));
      return reply;
    }),
  ];
}
