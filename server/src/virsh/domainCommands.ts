// The domain commands of the protocol's configured connection: define, dumpxml and list as liveObjects does them
// for any kind, start, shutdown, undefine.

import type { Text } from '../l10n/message';
import type { DomainEntry, DomainState } from '../protocol';
import { type DefineObjectResult, defineObject, dumpObject, listObjects } from './liveObjects';
import { runVirsh, type VirshOptions, type VirshResult } from './virsh';

export function defineDomain(file: string, options: VirshOptions): Promise<DefineObjectResult> {
  return defineObject('domain', file, options);
}

export function dumpDomainXml(name: string, options: VirshOptions): Promise<VirshResult> {
  return dumpObject('domain', name, options);
}

export function startDomain(name: string, options: VirshOptions): Promise<VirshResult> {
  return runVirsh(['start', '--domain', name], options);
}

export function shutdownDomain(name: string, options: VirshOptions): Promise<VirshResult> {
  return runVirsh(['shutdown', '--domain', name], options);
}

export function undefineDomain(name: string, options: VirshOptions): Promise<VirshResult> {
  return runVirsh(['undefine', '--nvram', '--domain', name], options);
}

/** Every domain with its state, or why they could not be listed. */
export type ListedDomains =
  | { readonly ok: true; readonly domains: readonly DomainEntry[] }
  | { readonly ok: false; readonly message: Text };

/** Every domain with its state (the live objects' listing, in the shape of libvirt.listDomains). */
export async function listDomains(options: VirshOptions): Promise<ListedDomains> {
  const listed = await listObjects('domain', options);
  if (!listed.ok) return listed;
  return { ok: true, domains: listed.objects.map((object): DomainEntry => ({ name: object.name, state: object.state as DomainState })) };
}
