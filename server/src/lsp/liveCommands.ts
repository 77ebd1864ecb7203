// The executeCommand handlers of live objects on any connection: list, read, save (define with conflict and
// rename checks, then what libvirt dropped) and act (start, stop, undefine). A save never overwrites a definition
// that changed since it was read unless the user says so, and never renames: libvirt would define a second object.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Message, messages, type Text } from '../l10n/message';
import type { CompareWithLiveReply, LiveKind, LiveTarget, ObjectActionRequest, SaveObjectReply, SaveObjectRequest } from '../protocol';
import { driftBetween } from '../service/liveDrift';
import { parseXml } from '../service/xml/xmlParser';
import { firstChild, textOf } from '../service/xml/xmlTree';
import { actionArguments, defineObject, dumpObject, type ListedObjects, listObjects, rootElementOf } from '../virsh/liveObjects';
import { runVirsh, type VirshOptions, type VirshResult } from '../virsh/virsh';
import type { Unrendered } from './replies';
import { droppedParts, withTemporaryFile } from './virshCommands';

const M = messages('live', {
  targetNeeded: 'A target {fields} is needed.',
  targetWithoutConnection: 'The target has no connection URI.',
  targetKindInvalid: "The target's kind must be one of {kinds}.",
  targetWithoutName: 'The target has no name.',
  volumeTargetWithoutPool: 'A volume target needs its pool.',
  kindInvalid: 'The kind must be one of {kinds}.',
  actionInvalid: 'A {kind} cannot {action}.',
  notThatRoot: 'This is not a <{expected}> document (its root element is <{root}>).',
  renamedDomain:
    "The <name> changed from '{from}' to '{to}': saving would define a second domain '{to}' beside '{from}'. To rename it, shut it off and run virsh domrename {from} {to}; to copy it, use Save XML to Workspace and define the copy.",
  renamed:
    "The <name> changed from '{from}' to '{to}': saving would define a second {kind} '{to}' beside '{from}'. To copy it, use Save XML to Workspace and define the copy.",
  uuidChanged:
    'The <uuid> changed from {from} to {to}: libvirt would refuse it ("already exists with uuid") or define another {kind}. Keep the UUID, or remove the line to keep the one it has.',
  noLongerDefined: "'{name}' is no longer defined on {where} ({reason}). Overwrite defines it again from this document.",
  changedSinceRead: "'{name}' changed on {where} since you opened it: compare, overwrite or reload.",
  inFile: 'file: {path}: {detail}',
  inLive: 'live: {path}: {detail}',
  domain: 'domain',
  network: 'network',
  pool: 'pool',
  volume: 'volume',
});

/** How messages name each kind of object. */
const KIND_NAMES: Readonly<Record<LiveKind, () => Message>> = { domain: M.domain, network: M.network, pool: M.pool, volume: M.volume };

const KINDS: readonly LiveKind[] = ['domain', 'network', 'pool', 'volume'];
const ACTIONS = ['start', 'shutdown', 'destroy', 'reboot', 'undefine', 'undefine-nvram'];

const isText = (value: unknown): value is string => typeof value === 'string';

/** A target as a client sent it, checked field by field; a message when it is not one. */
export function checkTarget(value: unknown): LiveTarget | Message {
  const target = value as Partial<LiveTarget> | undefined;
  if (!target || typeof target !== 'object') return M.targetNeeded({ fields: '{ connection, kind, name }' });
  if (!isText(target.connection)) return M.targetWithoutConnection();
  if (!KINDS.includes(target.kind as LiveKind)) return M.targetKindInvalid({ kinds: KINDS.join(', ') });
  if (!isText(target.name) || target.name === '') return M.targetWithoutName();
  if (target.kind === 'volume' && !isText(target.pool)) return M.volumeTargetWithoutPool();
  return { connection: target.connection, kind: target.kind as LiveKind, name: target.name, pool: target.pool };
}

export function listLive(request: unknown, options: VirshOptions): Promise<ListedObjects> | ListedObjects {
  const { kind, pool } = (request ?? {}) as { kind?: LiveKind; pool?: string };
  if (!KINDS.includes(kind as LiveKind)) return { ok: false, message: M.kindInvalid({ kinds: KINDS.join(', ') }) };
  return listObjects(kind as LiveKind, options, pool);
}

export function readLive(target: LiveTarget, options: VirshOptions): Promise<VirshResult> {
  return dumpObject(target.kind, target.name, options, target.pool);
}

export async function actOnLive(request: ObjectActionRequest, options: VirshOptions): Promise<VirshResult> {
  const args = ACTIONS.includes(request.action) ? actionArguments(request.target.kind, request.action, request.target.name) : undefined;
  if (!args) return { ok: false, message: M.actionInvalid({ kind: request.target.kind, action: request.action }), stdout: '', stderr: '' };
  return runVirsh(args, options);
}

const nameOf = (root: ReturnType<typeof parseXml>['root']) => textOf(firstChild(root, 'name'));
const uuidOf = (root: ReturnType<typeof parseXml>['root']) => textOf(firstChild(root, 'uuid'))?.toLowerCase();

export async function saveLive(request: SaveObjectRequest, options: VirshOptions, where: Text): Promise<Unrendered<SaveObjectReply>> {
  const { target, text } = request;
  const refused = (message: Text, extra: Partial<SaveObjectReply> = {}): Unrendered<SaveObjectReply> => ({
    ok: false,
    message,
    stderr: '',
    differences: [],
    ...extra,
  });
  const root = parseXml(text).root;
  const expected = rootElementOf(target.kind);
  if (root && root.name !== expected) return refused(M.notThatRoot({ expected, root: root.name }));
  const name = root && nameOf(root);
  if (root && name !== undefined && name !== target.name) {
    const names = { from: target.name, to: name };
    return refused(target.kind === 'domain' ? M.renamedDomain(names) : M.renamed({ ...names, kind: KIND_NAMES[target.kind]() }), {
      renamed: { from: target.name, to: name, what: 'name' },
    });
  }
  const current = await readLive(target, options);
  if (current.cancelled) return refused(current.message);
  if (current.ok) {
    const liveUuid = uuidOf(parseXml(current.stdout).root);
    const uuid = root && uuidOf(root);
    if (uuid && liveUuid && uuid !== liveUuid) {
      return refused(M.uuidChanged({ from: liveUuid, to: uuid, kind: KIND_NAMES[target.kind]() }), {
        renamed: { from: liveUuid, to: uuid, what: 'uuid' },
      });
    }
  }
  if (request.base !== undefined && !request.force) {
    if (!current.ok) {
      return refused(M.noLongerDefined({ name: target.name, where, reason: current.message }), {
        conflict: { current: '' },
      });
    }
    if (current.stdout !== request.base) {
      return refused(M.changedSinceRead({ name: target.name, where }), {
        conflict: { current: current.stdout },
      });
    }
  }
  return withTemporaryFile(text, async (file) => {
    const defined = await defineObject(target.kind, file, options);
    if (!defined.ok) return refused(defined.message, { stderr: defined.stderr });
    const stored = await readLive(target, options);
    const document = TextDocument.create('libvirt:save', 'xml', 1, text);
    return {
      ok: true,
      message: '',
      stderr: defined.stderr,
      stored: stored.ok ? stored.stdout : undefined,
      differences: stored.ok ? droppedParts(document, stored.stdout) : [],
    };
  });
}

/** Live definitions read for drift, kept briefly: a CodeLens asks on every edit. */
const liveCache = new Map<string, { readonly at: number; readonly reply: Promise<VirshResult> }>();
const LIVE_CACHE_MS = 10_000;

/** A document's domain against its live definition on a connection (libvirt's own additions are not drift). */
export async function compareWithLive(
  text: string,
  name: string,
  connection: string,
  options: VirshOptions,
  now: number,
): Promise<Unrendered<CompareWithLiveReply>> {
  const key = JSON.stringify([connection, name]);
  let cached = liveCache.get(key);
  if (!cached || now - cached.at > LIVE_CACHE_MS) {
    cached = { at: now, reply: readLive({ connection, kind: 'domain', name }, options) };
    liveCache.set(key, cached);
  }
  const live = await cached.reply;
  if (!live.ok) {
    liveCache.delete(key);
    // libvirt's own message (a plain string) says whether the domain is missing; ours (virsh missing...) do not.
    const missing = typeof live.message === 'string' && /[Dd]omain not found|failed to get domain/.test(live.message);
    return missing ? { ok: true, message: '', exists: false, name } : { ok: false, message: live.message };
  }
  const drift = driftBetween(text, live.stdout);
  return {
    ok: true,
    message: '',
    exists: true,
    name,
    same: drift.same,
    differences: [
      ...drift.inFile.map((d) => M.inFile({ path: d.path, detail: d.detail })),
      ...drift.inLive.map((p) => M.inLive({ path: p.path, detail: p.detail })),
    ],
    liveWithoutAdditions: drift.liveWithoutAdditions,
  };
}

/** After a save or an action on a connection: what was read of it is stale. */
export function forgetLive(connection: string): void {
  for (const key of liveCache.keys()) if ((JSON.parse(key) as string[])[0] === connection) liveCache.delete(key);
}
