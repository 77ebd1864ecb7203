// libvirt: document URIs as VS Code sees them, and the objects they stand for on a configured connection.

import * as vscode from 'vscode';
import { connectionNamed, type LiveDocument, liveDocumentUri, parseLiveDocumentUri } from '../../../server/src/liveDocuments';
import type { LibvirtConnectionSetting, LiveTarget } from '../../../server/src/protocol';
import { configuredConnections } from '../config';

export function liveUri(document: LiveDocument): vscode.Uri {
  return vscode.Uri.parse(liveDocumentUri(document));
}

export interface ResolvedLive {
  readonly document: LiveDocument;
  readonly connection: LibvirtConnectionSetting;
  readonly target: LiveTarget;
}

/** The object a libvirt: URI names on a configured connection; a message when it names none. */
export function resolveLive(uri: vscode.Uri): ResolvedLive | string {
  const document = parseLiveDocumentUri(uri.toString());
  if (!document) return vscode.l10n.t('{0} is not a libvirt object (libvirt://CONNECTION/domains/NAME.xml).', uri.toString());
  const connection = connectionNamed(configuredConnections(), document.connectionName);
  if (!connection) return vscode.l10n.t("No connection named '{0}' in libvirt.connections.", document.connectionName);
  return {
    document,
    connection,
    target: { connection: connection.uri, kind: document.kind, name: document.name, pool: document.pool },
  };
}

/** How messages name a connection: its name, and its URI when that says more. */
export function connectionTitle(connection: LibvirtConnectionSetting): string {
  return connection.uri && connection.uri !== connection.name ? `${connection.name} (${connection.uri})` : connection.name;
}
