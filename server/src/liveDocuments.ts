// Where live objects live as documents, for the editor and the server alike: libvirt://<connection>/domains/<name>.xml,
// /networks/<name>.xml, /pools/<name>.xml and /volumes/<pool>/<name>.xml, <connection> being a name from
// libvirt.connections. A leaf: the extension and the language server both import it.

import type { LibvirtConnectionSetting, LiveKind } from './protocol';

export const LIVE_SCHEME = 'libvirt';

/** The connection used when libvirt.connections is empty. */
export const DEFAULT_CONNECTION_NAME = 'local';

const FOLDERS: Readonly<Record<LiveKind, string>> = { domain: 'domains', network: 'networks', pool: 'pools', volume: 'volumes' };

export interface LiveDocument {
  readonly connectionName: string;
  readonly kind: LiveKind;
  readonly name: string;
  readonly pool?: string;
}

const encode = (part: string) => encodeURIComponent(part);

/** The document URI of a live object (as VS Code writes it: every odd character percent-encoded). */
export function liveDocumentUri(document: LiveDocument): string {
  const where = document.kind === 'volume' ? `${encode(document.pool ?? '')}/${encode(document.name)}` : encode(document.name);
  return `${LIVE_SCHEME}://${encode(document.connectionName)}/${FOLDERS[document.kind]}/${where}.xml`;
}

/** The live object a document URI names; undefined for any other URI. */
export function parseLiveDocumentUri(uri: string): LiveDocument | undefined {
  const match = /^libvirt:\/\/([^/?#]*)\/([a-z]+)\/([^?#]+)\.xml$/.exec(uri);
  if (!match) return undefined;
  const kind = (Object.keys(FOLDERS) as LiveKind[]).find((candidate) => FOLDERS[candidate] === match[2]);
  if (!kind) return undefined;
  try {
    const connectionName = decodeURIComponent(match[1]!);
    const parts = match[3]!.split('/').map(decodeURIComponent);
    if (kind === 'volume') return parts.length === 2 ? { connectionName, kind, pool: parts[0]!, name: parts[1]! } : undefined;
    return parts.length === 1 && parts[0] ? { connectionName, kind, name: parts[0] } : undefined;
  } catch {
    return undefined; // malformed percent-encoding
  }
}

/** libvirt.connections, or — when it lists none — one connection named 'local' with libvirt.connectionUri. */
export function effectiveConnections(
  connections: readonly LibvirtConnectionSetting[] | undefined,
  connectionUri: string | undefined,
): LibvirtConnectionSetting[] {
  if (connections?.length) return [...connections];
  return [{ name: DEFAULT_CONNECTION_NAME, uri: connectionUri ?? '' }];
}

/** The connection a name stands for (exact, else ignoring case: URI authorities may be lower-cased on the way). */
export function connectionNamed(connections: readonly LibvirtConnectionSetting[], name: string): LibvirtConnectionSetting | undefined {
  return connections.find((c) => c.name === name) ?? connections.find((c) => c.name.toLowerCase() === name.toLowerCase());
}
