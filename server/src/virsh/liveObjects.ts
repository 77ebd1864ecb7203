// libvirt's objects as the editor lists, reads, defines and acts on them — domains, networks, storage pools and
// their volumes — each kind with its own virsh subcommands. Names are listed with --name (one per line, never
// parsed from a table, except volumes, which virsh lists only as a table) and passed as option values.

import { parseVolumeList } from '../host/libvirt/virshListings';
import { messages, type Text } from '../l10n/message';
import type { LiveAction, LiveKind, LiveObject } from '../protocol';
import { runVirsh, type VirshOptions, type VirshResult } from './virsh';

const M = messages('virsh', {
  poolNeeded: 'A pool is needed to list volumes.',
  volumeReadOnly: 'libvirt cannot redefine a storage volume: it is read-only here.',
});

/** The objects of a kind, or why they could not be listed (libvirt's message, or ours). */
export type ListedObjects = { readonly ok: true; readonly objects: readonly LiveObject[] } | { readonly ok: false; readonly message: Text };

interface KindCommands {
  /** The option that names the object (--domain, --network, --pool). */
  readonly option: string;
  readonly dump: string;
  readonly define: string;
  /** `virsh KIND-list` and the flags that list all, and the active ones. */
  readonly list: string;
  /** The root element of its XML. */
  readonly root: string;
  /** What libvirt's define prints: "Domain 'NAME' defined from FILE". */
  readonly defined: RegExp;
}

const KINDS: Readonly<Record<Exclude<LiveKind, 'volume'>, KindCommands>> = {
  domain: {
    option: '--domain',
    dump: 'dumpxml',
    define: 'define',
    list: 'list',
    root: 'domain',
    defined: /Domain '([\s\S]*)' defined from/,
  },
  network: {
    option: '--network',
    dump: 'net-dumpxml',
    define: 'net-define',
    list: 'net-list',
    root: 'network',
    defined: /Network '?([\s\S]*?)'? defined from/,
  },
  pool: {
    option: '--pool',
    dump: 'pool-dumpxml',
    define: 'pool-define',
    list: 'pool-list',
    root: 'pool',
    defined: /Pool '?([\s\S]*?)'? defined from/,
  },
};

/** The root element a kind's XML has (domain, network, pool, volume). */
export function rootElementOf(kind: LiveKind): string {
  return kind === 'volume' ? 'volume' : KINDS[kind].root;
}

/** The virsh arguments of an action on an object of a kind; undefined when the kind has no such action. */
export function actionArguments(kind: LiveKind, action: LiveAction, name: string): string[] | undefined {
  if (kind === 'domain') {
    const domain = ['--domain', name];
    switch (action) {
      case 'start':
        return ['start', ...domain];
      case 'shutdown':
        return ['shutdown', ...domain];
      case 'destroy':
        return ['destroy', ...domain];
      case 'reboot':
        return ['reboot', ...domain];
      case 'undefine':
        return ['undefine', ...domain];
      case 'undefine-nvram':
        return ['undefine', '--nvram', ...domain];
    }
  }
  if (kind === 'network' || kind === 'pool') {
    const prefix = kind === 'network' ? 'net' : 'pool';
    const object = [KINDS[kind].option, name];
    switch (action) {
      case 'start':
        return [`${prefix}-start`, ...object];
      case 'destroy':
        return [`${prefix}-destroy`, ...object];
      case 'undefine':
        return [`${prefix}-undefine`, ...object];
    }
  }
  return undefined;
}

const lines = (result: VirshResult) => new Set(result.stdout.split('\n').filter((line) => line.trim() !== ''));

/** The objects of a kind with their states (domains: running, paused, shut off; networks and pools: active, inactive). */
export async function listObjects(kind: LiveKind, options: VirshOptions, pool?: string): Promise<ListedObjects> {
  if (kind === 'volume') {
    if (!pool) return { ok: false, message: M.poolNeeded() };
    const result = await runVirsh(['vol-list', '--pool', pool], options);
    if (!result.ok) return { ok: false, message: result.message };
    return { ok: true, objects: parseVolumeList(result.stdout).map((name): LiveObject => ({ name, state: 'volume' })) };
  }
  const list = KINDS[kind].list;
  const queries =
    kind === 'domain'
      ? [
          ['list', '--all', '--name'],
          ['list', '--name', '--state-running'],
          ['list', '--name', '--state-paused'],
        ]
      : [
          [list, '--all', '--name'],
          [list, '--name'],
        ];
  const results = await Promise.all(queries.map((args) => runVirsh(args, options)));
  const failed = results.find((result) => !result.ok);
  if (failed) return { ok: false, message: failed.message };
  const [all, active, paused] = results.map(lines) as [Set<string>, Set<string>, Set<string> | undefined];
  const objects = [...all].map((name): LiveObject => {
    if (kind !== 'domain') return { name, state: active.has(name) ? 'active' : 'inactive' };
    return { name, state: active.has(name) ? 'running' : paused?.has(name) ? 'paused' : 'shut off' };
  });
  return { ok: true, objects };
}

/** The stored definition (--inactive: what the next start uses, what an edit changes). */
export function dumpObject(kind: LiveKind, name: string, options: VirshOptions, pool?: string): Promise<VirshResult> {
  if (kind === 'volume') return runVirsh(['vol-dumpxml', '--pool', pool ?? '', '--vol', name], options);
  const commands = KINDS[kind];
  return runVirsh([commands.dump, '--inactive', commands.option, name], options);
}

export interface DefineObjectResult extends VirshResult {
  readonly name?: string;
}

/** Creates a volume in a pool from a file (`virsh vol-create`): "Vol NAME created from FILE". */
export async function createVolume(pool: string, file: string, options: VirshOptions): Promise<DefineObjectResult> {
  const result = await runVirsh(['vol-create', '--pool', pool, '--file', file], options);
  return { ...result, name: /Vol ([\s\S]*?) created from/.exec(result.stdout)?.[1] };
}

/** Defines (or redefines) an object of a kind from a file. Volumes cannot be redefined. */
export async function defineObject(kind: LiveKind, file: string, options: VirshOptions): Promise<DefineObjectResult> {
  if (kind === 'volume') return { ok: false, stdout: '', stderr: '', message: M.volumeReadOnly() };
  const commands = KINDS[kind];
  const result = await runVirsh([commands.define, '--file', file], options);
  return { ...result, name: commands.defined.exec(result.stdout)?.[1] };
}
