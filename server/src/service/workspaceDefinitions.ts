// The networks and storage pools a workspace defines (its network and pool XML files, open or on disk), for the
// checks that look across documents: a domain's <source network> and <source pool>, a NIC's MAC reserved in a
// network's DHCP. The index keeps one snapshot object until a definition changes, so that the service can keep a
// document's problems for as long as the snapshot is the same.

import { NO_WORKSPACE, type WorkspaceDefinitions } from './languageTypes';
import { parseMac } from './model/macAddress';
import { dhcpHosts } from './network/dhcpHosts';
import { buildNetworkModel } from './network/networkModel';
import { buildStoragePoolModel } from './storage/storageModel';
import { parseXml } from './xml/xmlParser';
import type { XmlElement } from './xml/xmlTree';

/** A document's root is a network or pool (looked at before parsing it). */
const DEFINES = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(network|pool)[\s>/]/;

/** Whether a document may define something for the workspace (a network or pool root), judged without parsing it. */
export function mayDefineForWorkspace(text: string): boolean {
  return DEFINES.test(text.slice(0, 4096));
}

/**
 * What one document defines: nothing unless it is a network or a pool with a name. `rootOf` gives its parsed root
 * (the service's analysis of an open document, which validation reuses), else the text is parsed here.
 */
function definitionsOf(uri: string, text: string, rootOf = () => parseXml(text).root): WorkspaceDefinitions {
  const kind = DEFINES.exec(text.slice(0, 4096))?.[1];
  if (!kind) return NO_WORKSPACE;
  const root = rootOf();
  if (!root) return NO_WORKSPACE;
  if (kind === 'network') {
    const network = buildNetworkModel(root);
    if (!network?.name) return NO_WORKSPACE;
    const hosts = dhcpHosts(network).map((host) => ({
      mac: host.mac ? parseMac(host.mac.value)?.normalized : undefined,
      name: host.name?.value,
      ip: host.address?.value,
    }));
    return { networks: [{ name: network.name, uri, hosts }], pools: [] };
  }
  const pool = buildStoragePoolModel(root);
  return pool?.name ? { networks: [], pools: [{ name: pool.name, uri, type: pool.type?.value }] } : NO_WORKSPACE;
}

export interface WorkspaceIndex {
  /** Records what a document defines now; returns whether the workspace's definitions changed. */
  set(uri: string, text: string, rootOf?: () => XmlElement | undefined): boolean;
  delete(uri: string): boolean;
  snapshot(): WorkspaceDefinitions;
}

export function createWorkspaceIndex(): WorkspaceIndex {
  const byUri = new Map<string, WorkspaceDefinitions>();
  let snapshot: WorkspaceDefinitions | undefined = NO_WORKSPACE;
  const same = (a: WorkspaceDefinitions | undefined, b: WorkspaceDefinitions) => JSON.stringify(a ?? NO_WORKSPACE) === JSON.stringify(b);
  return {
    set(uri, text, rootOf) {
      const next = definitionsOf(uri, text, rootOf);
      if (same(byUri.get(uri), next)) return false;
      if (next === NO_WORKSPACE) byUri.delete(uri);
      else byUri.set(uri, next);
      snapshot = undefined;
      return true;
    },
    delete(uri) {
      if (!byUri.delete(uri)) return false;
      snapshot = undefined;
      return true;
    },
    snapshot() {
      snapshot ??= {
        networks: [...byUri.values()].flatMap((definitions) => definitions.networks),
        pools: [...byUri.values()].flatMap((definitions) => definitions.pools),
      };
      return snapshot;
    },
  };
}
