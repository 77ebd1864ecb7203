// The Libvirt explorer: connection → Domains (with their states), Networks, Storage Pools → volumes, and the host.
// Each listing is one server command with progress in the view; a connection that cannot be reached shows its
// error as its only child — never a dialog.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type LibvirtConnectionSetting, type LiveKind, type LiveObject, type LiveState } from '../../../server/src/protocol';
import { configuredConnections } from '../config';
import { serverCommand } from '../serverCommands';
import { liveUri } from './liveTargets';

export const EXPLORER_VIEW = 'libvirt.explorer';

export type ExplorerNode =
  | { readonly type: 'connection'; readonly connection: LibvirtConnectionSetting }
  | { readonly type: 'group'; readonly connection: LibvirtConnectionSetting; readonly kind: Exclude<LiveKind, 'volume'> }
  | { readonly type: 'host'; readonly connection: LibvirtConnectionSetting }
  | {
      readonly type: 'object';
      readonly connection: LibvirtConnectionSetting;
      readonly kind: LiveKind;
      readonly object: LiveObject;
      readonly pool?: string;
    }
  | { readonly type: 'message'; readonly message: string; readonly error: boolean };

/** Each group's label and what it says when empty (functions: the language is known once the extension runs). */
const GROUPS: ReadonlyArray<{ kind: Exclude<LiveKind, 'volume'>; label: () => string; empty: () => string; icon: string }> = [
  { kind: 'domain', label: () => vscode.l10n.t('Domains'), empty: () => vscode.l10n.t('No domains'), icon: 'vm' },
  { kind: 'network', label: () => vscode.l10n.t('Networks'), empty: () => vscode.l10n.t('No networks'), icon: 'type-hierarchy' },
  { kind: 'pool', label: () => vscode.l10n.t('Storage Pools'), empty: () => vscode.l10n.t('No storage pools'), icon: 'database' },
];

/** How the tree shows libvirt's states (virsh's words in English). */
export function stateLabel(state: LiveState): string {
  switch (state) {
    case 'running':
      return vscode.l10n.t('running');
    case 'paused':
      return vscode.l10n.t('paused');
    case 'shut off':
      return vscode.l10n.t('shut off');
    case 'active':
      return vscode.l10n.t('active');
    case 'inactive':
      return vscode.l10n.t('inactive');
    case 'volume':
      return vscode.l10n.t('volume');
  }
}

/** An object's tooltip: what it is, where, and its state. */
function objectTooltip(kind: LiveKind, name: string, connection: string, state: string): string {
  switch (kind) {
    case 'domain':
      return vscode.l10n.t("domain '{0}' on {1}: {2}", name, connection, state);
    case 'network':
      return vscode.l10n.t("network '{0}' on {1}: {2}", name, connection, state);
    case 'pool':
      return vscode.l10n.t("pool '{0}' on {1}: {2}", name, connection, state);
    case 'volume':
      return vscode.l10n.t("volume '{0}' on {1}: {2}", name, connection, state);
  }
}

const STATE_ICONS: Readonly<Record<string, vscode.ThemeIcon>> = {
  running: new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed')),
  paused: new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('testing.iconQueued')),
  'shut off': new vscode.ThemeIcon('vm-outline'),
  active: new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('testing.iconPassed')),
  inactive: new vscode.ThemeIcon('circle-outline'),
  volume: new vscode.ThemeIcon('file-binary'),
};

export class LibvirtExplorer implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Domains listed while checking a connection, for its Domains group (one listing, not two). */
  private readonly domains = new Map<string, readonly LiveObject[]>();

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.domains.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.type) {
      case 'connection': {
        const item = new vscode.TreeItem(node.connection.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.connection.uri || vscode.l10n.t("virsh's default");
        item.iconPath = new vscode.ThemeIcon('server');
        item.contextValue = 'libvirt.connection';
        item.id = `connection:${node.connection.name}`;
        return item;
      }
      case 'group': {
        const group = GROUPS.find((g) => g.kind === node.kind)!;
        const item = new vscode.TreeItem(group.label(), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(group.icon);
        item.contextValue = `libvirt.group.${node.kind}`;
        item.id = `group:${node.connection.name}:${node.kind}`;
        return item;
      }
      case 'host': {
        const item = new vscode.TreeItem(vscode.l10n.t('Host'), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('server-environment');
        item.description = vscode.l10n.t('refresh facts');
        item.contextValue = 'libvirt.host';
        item.command = { title: vscode.l10n.t('Refresh Host Facts'), command: 'libvirt.explorer.hostFacts', arguments: [node] };
        return item;
      }
      case 'object': {
        const expandable = node.kind === 'pool';
        const item = new vscode.TreeItem(
          node.object.name,
          expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.description = node.object.state === 'volume' ? undefined : stateLabel(node.object.state);
        item.iconPath = STATE_ICONS[node.object.state];
        item.tooltip = objectTooltip(node.kind, node.object.name, node.connection.name, stateLabel(node.object.state));
        item.contextValue = `libvirt.${node.kind}.${node.object.state.replace(' ', '-')}`;
        item.id = `object:${node.connection.name}:${node.kind}:${node.pool ?? ''}:${node.object.name}`;
        item.resourceUri = liveUri({ connectionName: node.connection.name, kind: node.kind, name: node.object.name, pool: node.pool });
        if (!expandable) item.command = { title: vscode.l10n.t('Open XML'), command: 'libvirt.explorer.openXml', arguments: [node] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
        item.tooltip = node.message;
        item.contextValue = 'libvirt.message';
        return item;
      }
    }
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return configuredConnections().map((connection) => ({ type: 'connection', connection }));
    if (node.type === 'connection') {
      // Listing its domains tells whether the connection answers at all.
      const listed = await this.list(node.connection, 'domain');
      if (!listed.ok) return [{ type: 'message', message: listed.message, error: true }];
      this.domains.set(node.connection.name, listed.objects);
      return [
        ...GROUPS.map((group): ExplorerNode => ({ type: 'group', connection: node.connection, kind: group.kind })),
        { type: 'host', connection: node.connection },
      ];
    }
    if (node.type === 'group') {
      const cached = node.kind === 'domain' ? this.domains.get(node.connection.name) : undefined;
      this.domains.delete(node.connection.name);
      const listed = cached ? { ok: true as const, objects: cached } : await this.list(node.connection, node.kind);
      if (!listed.ok) return [{ type: 'message', message: listed.message, error: true }];
      if (listed.objects.length === 0)
        return [{ type: 'message', message: GROUPS.find((g) => g.kind === node.kind)!.empty(), error: false }];
      return listed.objects.map((object) => ({ type: 'object', connection: node.connection, kind: node.kind, object }));
    }
    if (node.type === 'object' && node.kind === 'pool') {
      const listed = await this.list(node.connection, 'volume', node.object.name);
      if (!listed.ok) return [{ type: 'message', message: listed.message, error: true }];
      if (listed.objects.length === 0)
        return [{ type: 'message', message: vscode.l10n.t('No volumes (or the pool is not started)'), error: false }];
      return listed.objects.map((object) => ({
        type: 'object',
        connection: node.connection,
        kind: 'volume',
        object,
        pool: node.object.name,
      }));
    }
    return [];
  }

  private list(connection: LibvirtConnectionSetting, kind: LiveKind, pool?: string) {
    return vscode.window.withProgress({ location: { viewId: EXPLORER_VIEW } }, () =>
      serverCommand(this.client, COMMANDS.listObjects, [{ connection: connection.uri, kind, pool }]),
    );
  }
}
