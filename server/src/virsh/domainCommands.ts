// The virsh commands the editor offers, on top of runVirsh: define, dumpxml, list with states, start, shutdown.

import type { DomainEntry, ListReply } from '../protocol';
import { runVirsh, type VirshOptions, type VirshResult } from './virsh';

export interface DefineResult extends VirshResult {
  /** The domain name libvirt reported ("Domain 'NAME' defined from FILE"). */
  readonly name?: string;
}

export async function defineDomain(file: string, options: VirshOptions): Promise<DefineResult> {
  const result = await runVirsh(['define', '--file', file], options);
  const name = /Domain '([\s\S]*)' defined from/.exec(result.stdout)?.[1];
  return { ...result, name };
}

export function dumpDomainXml(name: string, options: VirshOptions, inactive = true): Promise<VirshResult> {
  return runVirsh(['dumpxml', ...(inactive ? ['--inactive'] : []), '--domain', name], options);
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

/** Every domain with its state: three `virsh list --name` calls (names are one per line and never parsed from a table). */
export async function listDomains(options: VirshOptions): Promise<ListReply> {
  const [all, running, paused] = await Promise.all([
    runVirsh(['list', '--all', '--name'], options),
    runVirsh(['list', '--name', '--state-running'], options),
    runVirsh(['list', '--name', '--state-paused'], options),
  ]);
  const failed = [all, running, paused].find((result) => !result.ok);
  if (failed) return { ok: false, message: failed.message };
  const names = (result: VirshResult) => new Set(result.stdout.split('\n').filter((line) => line !== ''));
  const runningNames = names(running);
  const pausedNames = names(paused);
  const domains = [...names(all)].map(
    (name): DomainEntry => ({
      name,
      state: runningNames.has(name) ? 'running' : pausedNames.has(name) ? 'paused' : 'shut off',
    }),
  );
  return { ok: true, domains };
}
