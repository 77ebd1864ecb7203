// Runs the real virsh for tests: argument arrays (no shell), a time limit, and a connection URI that defaults
// to the system QEMU driver that .ci/run (or scripts/ensure-libvirt.mjs) starts.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIBVIRT_TEST_URI = process.env.LIBVIRT_TEST_URI ?? 'qemu:///system';

export interface VirshResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export function virsh(args: readonly string[], uri = LIBVIRT_TEST_URI, timeoutMs = 60_000): Promise<VirshResult> {
  return new Promise((resolve) => {
    execFile('virsh', ['-c', uri, ...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout, stderr: stderr || (error && !stderr ? String(error.message) : '') });
    });
  });
}

/** Defines a domain from a file and undefines it again; returns libvirt's verdict. */
export async function defineAndForget(file: string, name: string, uri = LIBVIRT_TEST_URI): Promise<VirshResult> {
  const result = await virsh(['define', '--', file], uri);
  if (result.ok) await virsh(['undefine', '--nvram', '--', name], uri);
  return result;
}

let named = 0;

/**
 * A fresh name for a test domain: lint-test-<pid>-<what>-<n>. scripts/ensure-libvirt.mjs undefines, at the start of
 * a run, the ones whose process is gone (a killed run), and never touches other domains.
 */
export function testDomainName(what: string): string {
  return `lint-test-${process.pid}-${what}-${++named}`;
}

/**
 * Defines `text` under a fresh name (in a private temporary file), returns it with what libvirt stored
 * (`dumpxml --inactive`), and undefines it again. Throws with libvirt's message when the define fails.
 */
export async function defineRoundTrip(text: string, what = 'round-trip'): Promise<{ text: string; stored: string; name: string }> {
  const name = testDomainName(what);
  const named = text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
  if (!named.includes(`<name>${name}</name>`)) throw new Error('the document has no <name> to replace');
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
  try {
    const file = join(dir, 'domain.xml');
    writeFileSync(file, named);
    const defined = await virsh(['define', '--file', file]);
    if (!defined.ok) throw new Error(`libvirt refused it: ${defined.stderr.trim()}\n${named}`);
    try {
      const dumped = await virsh(['dumpxml', '--inactive', '--domain', name]);
      if (!dumped.ok) throw new Error(dumped.stderr);
      return { text: named, stored: dumped.stdout, name };
    } finally {
      await virsh(['undefine', '--nvram', '--domain', name]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The libvirt object kinds a rule table's documents may be, by their root element. */
export type DefinedKind = 'domain' | 'network' | 'pool' | 'volume';

export function kindOfText(text: string): DefinedKind {
  const root = /<(domain|network|pool|volume)[\s>/]/.exec(text.replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->/g, ''))?.[1];
  return (root as DefinedKind | undefined) ?? 'domain';
}

/**
 * Defines a network or pool (or creates a volume in `pool`) from a file and removes it again; returns libvirt's
 * verdict. With `start`, a network or pool that defines is also started (and stopped): the verdict is the start's.
 */
export async function defineKindAndForget(
  kind: Exclude<DefinedKind, 'domain'>,
  file: string,
  name: string,
  options: { readonly pool?: string; readonly start?: boolean } = {},
): Promise<VirshResult> {
  if (kind === 'volume') {
    const created = await virsh(['vol-create', '--pool', options.pool ?? '', '--file', file]);
    if (created.ok) await virsh(['vol-delete', '--pool', options.pool ?? '', '--vol', name]);
    return created;
  }
  const prefix = kind === 'network' ? 'net' : 'pool';
  const option = kind === 'network' ? '--network' : '--pool';
  const defined = await virsh([`${prefix}-define`, '--file', file]);
  if (!defined.ok) return defined;
  try {
    if (!options.start) return defined;
    const started = await virsh([`${prefix}-start`, option, name]);
    if (started.ok) await virsh([`${prefix}-destroy`, option, name]);
    return started;
  } finally {
    await virsh([`${prefix}-undefine`, option, name]);
  }
}

/** A dir pool for volume tests, built and started (`remove` destroys and undefines it with its directory). */
export async function scratchPool(): Promise<{ name: string; remove(): Promise<void> }> {
  const name = testDomainName('vols');
  const dir = mkdtempSync(join(tmpdir(), 'lint-test-pool-'));
  const file = join(dir, 'pool.xml');
  writeFileSync(file, `<pool type='dir'><name>${name}</name><target><path>${dir}/images</path></target></pool>`);
  for (const args of [
    ['pool-define', '--file', file],
    ['pool-build', '--pool', name],
    ['pool-start', '--pool', name],
  ]) {
    const result = await virsh(args);
    if (!result.ok) throw new Error(`virsh ${args.join(' ')}: ${result.stderr.trim()}`);
  }
  return {
    name,
    async remove() {
      await virsh(['pool-destroy', '--pool', name]);
      await virsh(['pool-undefine', '--pool', name]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A network or pool defined under a fresh name (a volume created in `pool`), with what libvirt stored, then removed
 * again. Throws with libvirt's message when it refuses.
 */
export async function defineKindRoundTrip(text: string, pool?: string): Promise<{ text: string; stored: string; name: string }> {
  const kind = kindOfText(text);
  if (kind === 'domain') return defineRoundTrip(text);
  const name = kind === 'volume' ? `${testDomainName('vol')}.img` : testDomainName('round-trip');
  const named = text.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`);
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
  try {
    const file = join(dir, `${kind}.xml`);
    writeFileSync(file, named);
    if (kind === 'volume') {
      const created = await virsh(['vol-create', '--pool', pool ?? '', '--file', file]);
      if (!created.ok) throw new Error(`libvirt refused it: ${created.stderr.trim()}\n${named}`);
      const stored = await virsh(['vol-dumpxml', '--pool', pool ?? '', '--vol', name]);
      await virsh(['vol-delete', '--pool', pool ?? '', '--vol', name]);
      return { text: named, stored: stored.stdout, name };
    }
    const prefix = kind === 'network' ? 'net' : 'pool';
    const option = kind === 'network' ? '--network' : '--pool';
    const defined = await virsh([`${prefix}-define`, '--file', file]);
    if (!defined.ok) throw new Error(`libvirt refused it: ${defined.stderr.trim()}\n${named}`);
    try {
      const stored = await virsh([`${prefix}-dumpxml`, '--inactive', option, name]);
      return { text: named, stored: stored.stdout, name };
    } finally {
      await virsh([`${prefix}-undefine`, option, name]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
