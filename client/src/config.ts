// Typed access to the extension's settings (section "libvirt"); read fresh each time so changes apply at once.

import * as vscode from 'vscode';
import { effectiveConnections } from '../../server/src/liveDocuments';
import {
  DEFAULT_COMMAND_TIMEOUT_SECONDS,
  type LibvirtConnectionSetting,
  type LibvirtSettings,
  SETTINGS_SECTION,
} from '../../server/src/protocol';

export const SECTION = SETTINGS_SECTION;

export type LibvirtConfig = Required<Omit<LibvirtSettings, 'inlayHints'>>;

export function readConfig(): LibvirtConfig {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    connectionUri: config.get<string>('connectionUri', ''),
    virshPath: config.get<string>('virshPath', ''),
    commandTimeoutSeconds: config.get<number>('commandTimeoutSeconds', DEFAULT_COMMAND_TIMEOUT_SECONDS),
    rules: config.get<Record<string, string>>('rules', {}),
    hostArch: config.get<string>('hostArch', ''),
    language: config.get<string>('language', 'auto'),
    connections: config.get<LibvirtConnectionSetting[]>('connections', []),
  };
}

/** The connections the explorer shows: libvirt.connections, or one named 'local' with libvirt.connectionUri. */
export function configuredConnections(config: LibvirtConfig = readConfig()): LibvirtConnectionSetting[] {
  return effectiveConnections(
    config.connections.filter((c) => typeof c?.name === 'string' && c.name.trim() !== '' && typeof c.uri === 'string'),
    config.connectionUri,
  );
}

/** What the status bar shows: the URI in use, or virsh's own default. */
export function connectionLabel(config: LibvirtConfig): string {
  return config.connectionUri || process.env.LIBVIRT_DEFAULT_URI || vscode.l10n.t('virsh default');
}
