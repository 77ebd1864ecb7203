// workspace/executeCommand handlers that run virsh (through server/src/virsh, the one place that does), so that
// every editor can define, validate and inspect domains. The buffer is written to a private temporary file:
// what gets defined is exactly what the user sees, and their file is never touched.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { compareDefinedDomain, type DefinedDifference } from '../service/definedDomainDiff';
import { type DomainEntry, defineDomain, dumpDomainXml, listDomains, shutdownDomain, startDomain } from '../virsh/domainCommands';
import type { VirshOptions } from '../virsh/virsh';
import { type SchemaProblem, virtXmlValidate } from '../virsh/virtXmlValidate';

export const VIRSH_COMMANDS = {
  define: 'libvirt.defineDocument',
  validate: 'libvirt.validateDocument',
  dumpXml: 'libvirt.dumpXml',
  list: 'libvirt.listDomains',
  start: 'libvirt.startDomain',
  shutdown: 'libvirt.shutdownDomain',
} as const;

export interface VirshSettings {
  readonly connectionUri?: string;
  readonly virshPath?: string;
  readonly commandTimeoutSeconds?: number;
}

export function readVirshSettings(raw: unknown): VirshSettings {
  if (!raw || typeof raw !== 'object') return {};
  const section = raw as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const seconds =
    typeof section.commandTimeoutSeconds === 'number' && section.commandTimeoutSeconds > 0 ? section.commandTimeoutSeconds : undefined;
  return { connectionUri: text(section.connectionUri), virshPath: text(section.virshPath), commandTimeoutSeconds: seconds };
}

export function virshOptions(settings: VirshSettings, signal?: AbortSignal): VirshOptions {
  return { uri: settings.connectionUri, virshPath: settings.virshPath, timeoutMs: (settings.commandTimeoutSeconds ?? 30) * 1000, signal };
}

export interface DefineOutcome {
  readonly ok: boolean;
  readonly name?: string;
  /** libvirt's reason on failure. */
  readonly message: string;
  readonly stderr: string;
  /** What libvirt dropped or rewrote, with 0-based lines in the document. */
  readonly differences: Array<DefinedDifference & { line: number }>;
  /** The XML libvirt stored, to show beside the file. */
  readonly stored?: string;
}

async function withTemporaryFile<T>(text: string, run: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'libvirt-xml-'));
  try {
    const file = join(dir, 'domain.xml');
    await writeFile(file, text, { mode: 0o600 });
    return await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function defineDocument(document: TextDocument, options: VirshOptions): Promise<DefineOutcome> {
  const text = document.getText();
  return withTemporaryFile(text, async (file) => {
    const defined = await defineDomain(file, options);
    if (!defined.ok || !defined.name) return { ok: false, message: defined.message, stderr: defined.stderr, differences: [] };
    const stored = await dumpDomainXml(defined.name, options);
    const differences = stored.ok
      ? compareDefinedDomain(text, stored.stdout).map((difference) => ({ ...difference, line: document.positionAt(difference.start).line }))
      : [];
    return {
      ok: true,
      name: defined.name,
      message: '',
      stderr: defined.stderr,
      differences,
      stored: stored.ok ? stored.stdout : undefined,
    };
  });
}

export async function validateDocument(
  document: TextDocument,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ ok: boolean; problems: SchemaProblem[]; message: string }> {
  return withTemporaryFile(document.getText(), async (file) => virtXmlValidate(file, timeoutMs, signal));
}

export { type DomainEntry, dumpDomainXml, listDomains, shutdownDomain, startDomain };
