// The executeCommand handlers of live objects on any connection: list, read, save (define with conflict and
// rename checks, then what libvirt dropped) and act (start, stop, undefine). A save never overwrites a definition
// that changed since it was read unless the user says so, and never renames: libvirt would define a second object.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CompareWithLiveReply,
  ListObjectsReply,
  LiveKind,
  LiveTarget,
  ObjectActionRequest,
  SaveObjectReply,
  SaveObjectRequest,
  VirshReply,
} from '../protocol';
import { driftBetween } from '../service/liveDrift';
import { parseXml } from '../service/xml/xmlParser';
import { firstChild, textOf } from '../service/xml/xmlTree';
import { actionArguments, defineObject, dumpObject, listObjects, rootElementOf } from '../virsh/liveObjects';
import { runVirsh, type VirshOptions } from '../virsh/virsh';
import { droppedParts, withTemporaryFile } from './virshCommands';

const KINDS: readonly LiveKind[] = ['domain', 'network', 'pool', 'volume'];
const ACTIONS = ['start', 'shutdown', 'destroy', 'reboot', 'undefine', 'undefine-nvram'];

const isText = (value: unknown): value is string => typeof value === 'string';

/** A target as a client sent it, checked field by field; a message when it is not one. */
export function checkTarget(value: unknown): LiveTarget | string {
  const target = value as Partial<LiveTarget> | undefined;
  if (!target || typeof target !== 'object') return 'A target { connection, kind, name } is needed.';
  if (!isText(target.connection)) return 'The target has no connection URI.';
  if (!KINDS.includes(target.kind as LiveKind)) return `The target's kind must be one of ${KINDS.join(', ')}.`;
  if (!isText(target.name) || target.name === '') return 'The target has no name.';
  if (target.kind === 'volume' && !isText(target.pool)) return 'A volume target needs its pool.';
  return { connection: target.connection, kind: target.kind as LiveKind, name: target.name, pool: target.pool };
}

export function listLive(request: unknown, options: VirshOptions): Promise<ListObjectsReply> | ListObjectsReply {
  const { kind, pool } = (request ?? {}) as { kind?: LiveKind; pool?: string };
  if (!KINDS.includes(kind as LiveKind)) return { ok: false, message: `The kind must be one of ${KINDS.join(', ')}.` };
  return listObjects(kind as LiveKind, options, pool);
}

export function readLive(target: LiveTarget, options: VirshOptions): Promise<VirshReply> {
  return dumpObject(target.kind, target.name, options, target.pool);
}

export async function actOnLive(request: ObjectActionRequest, options: VirshOptions): Promise<VirshReply> {
  const args = ACTIONS.includes(request.action) ? actionArguments(request.target.kind, request.action, request.target.name) : undefined;
  if (!args) return { ok: false, message: `A ${request.target.kind} cannot ${request.action}.`, stdout: '', stderr: '' };
  return runVirsh(args, options);
}

const nameOf = (root: ReturnType<typeof parseXml>['root']) => textOf(firstChild(root, 'name'));
const uuidOf = (root: ReturnType<typeof parseXml>['root']) => textOf(firstChild(root, 'uuid'))?.toLowerCase();

export async function saveLive(request: SaveObjectRequest, options: VirshOptions, where: string): Promise<SaveObjectReply> {
  const { target, text } = request;
  const refused = (message: string, extra: Partial<SaveObjectReply> = {}): SaveObjectReply => ({
    ok: false,
    message,
    stderr: '',
    differences: [],
    ...extra,
  });
  const root = parseXml(text).root;
  const expected = rootElementOf(target.kind);
  if (root && root.name !== expected) return refused(`This is not a <${expected}> document (its root element is <${root.name}>).`);
  const name = root && nameOf(root);
  if (root && name !== undefined && name !== target.name) {
    return refused(
      `The <name> changed from '${target.name}' to '${name}': saving would define a second ${target.kind} '${name}' beside '${target.name}'. ` +
        (target.kind === 'domain'
          ? `To rename it, shut it off and run virsh domrename ${target.name} ${name}; to copy it, use Save XML to Workspace and define the copy.`
          : `To copy it, use Save XML to Workspace and define the copy.`),
      { renamed: { from: target.name, to: name, what: 'name' } },
    );
  }
  const current = await readLive(target, options);
  if (current.cancelled) return refused(current.message);
  if (current.ok) {
    const liveUuid = uuidOf(parseXml(current.stdout).root);
    const uuid = root && uuidOf(root);
    if (uuid && liveUuid && uuid !== liveUuid) {
      return refused(
        `The <uuid> changed from ${liveUuid} to ${uuid}: libvirt would refuse it ("already exists with uuid") or define another ${target.kind}. Keep the UUID, or remove the line to keep the one it has.`,
        { renamed: { from: liveUuid, to: uuid, what: 'uuid' } },
      );
    }
  }
  if (request.base !== undefined && !request.force) {
    if (!current.ok) {
      return refused(
        `'${target.name}' is no longer defined on ${where} (${current.message}). Overwrite defines it again from this document.`,
        {
          conflict: { current: '' },
        },
      );
    }
    if (current.stdout !== request.base) {
      return refused(`'${target.name}' changed on ${where} since you opened it: compare, overwrite or reload.`, {
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
const liveCache = new Map<string, { readonly at: number; readonly reply: Promise<VirshReply> }>();
const LIVE_CACHE_MS = 10_000;

/** A document's domain against its live definition on a connection (libvirt's own additions are not drift). */
export async function compareWithLive(
  text: string,
  name: string,
  connection: string,
  options: VirshOptions,
  now: number,
): Promise<CompareWithLiveReply> {
  const key = JSON.stringify([connection, name]);
  let cached = liveCache.get(key);
  if (!cached || now - cached.at > LIVE_CACHE_MS) {
    cached = { at: now, reply: readLive({ connection, kind: 'domain', name }, options) };
    liveCache.set(key, cached);
  }
  const live = await cached.reply;
  if (!live.ok) {
    liveCache.delete(key);
    const missing = /[Dd]omain not found|failed to get domain/.test(live.message);
    return missing ? { ok: true, message: '', exists: false, name } : { ok: false, message: live.message };
  }
  const drift = driftBetween(text, live.stdout);
  return {
    ok: true,
    message: '',
    exists: true,
    name,
    same: drift.same,
    differences: [...drift.inFile.map((d) => `file: ${d.path}: ${d.detail}`), ...drift.inLive.map((p) => `live: ${p.path}: ${p.detail}`)],
    liveWithoutAdditions: drift.liveWithoutAdditions,
  };
}

/** After a save or an action on a connection: what was read of it is stale. */
export function forgetLive(connection: string): void {
  for (const key of liveCache.keys()) if ((JSON.parse(key) as string[])[0] === connection) liveCache.delete(key);
}
