// workspace/executeCommand handlers that run virsh (through server/src/virsh, the one place that does), so that
// every editor can define, validate and inspect domains, networks, pools and volumes. The buffer is written to a private temporary file:
// what gets defined is exactly what the user sees, and their file is never touched.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../l10n/message';
import { DEFAULT_COMMAND_TIMEOUT_SECONDS, type DefineReply, type DroppedPart, type LiveKind } from '../protocol';
import { compareDefinedDomain } from '../service/definedDomainDiff';
import { createVolume, defineObject, dumpObject } from '../virsh/liveObjects';
import type { VirshOptions } from '../virsh/virsh';
import { type ValidateResult, virtXmlValidate } from '../virsh/virtXmlValidate';
import type { Unrendered } from './replies';
import type { VirshSettings } from './settings';

const M = messages('lsp', {
  commentDropped: "the comment '{comment}' was dropped (libvirt keeps no XML comments)",
});

export function virshOptions(settings: VirshSettings, signal?: AbortSignal): VirshOptions {
  const seconds = settings.commandTimeoutSeconds ?? DEFAULT_COMMAND_TIMEOUT_SECONDS;
  return { uri: settings.connectionUri, virshPath: settings.virshPath, timeoutMs: seconds * 1000, signal };
}

/** Runs with a private temporary file holding `text` (mode 0600), removed afterwards whatever happens. */
export async function withTemporaryFile<T>(text: string, run: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'libvirt-xml-'));
  try {
    const file = join(dir, 'domain.xml');
    await writeFile(file, text, { mode: 0o600 });
    return await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Defines a document with virsh (define, net-define, pool-define; a volume with vol-create in `pool`), then reads
 * back what libvirt stored and says what it dropped or rewrote.
 */
export async function defineDocument(
  document: TextDocument,
  kind: LiveKind,
  options: VirshOptions,
  pool?: string,
): Promise<Unrendered<DefineReply>> {
  const text = document.getText();
  return withTemporaryFile(text, async (file) => {
    const defined = kind === 'volume' ? await createVolume(pool ?? '', file, options) : await defineObject(kind, file, options);
    if (!defined.ok || !defined.name) return { ok: false, message: defined.message, stderr: defined.stderr, differences: [] };
    const stored = await dumpObject(kind, defined.name, options, pool);
    const differences = stored.ok ? droppedParts(document, stored.stdout) : [];
    return {
      ok: true,
      name: defined.name,
      kind,
      message: '',
      stderr: defined.stderr,
      differences,
      stored: stored.ok ? stored.stdout : undefined,
    };
  });
}

/** What libvirt dropped or rewrote of a document when it stored it, with the document's line of each. */
export function droppedParts(document: TextDocument, stored: string): Unrendered<DroppedPart>[] {
  const text = document.getText();
  const parts: Unrendered<DroppedPart>[] = compareDefinedDomain(text, stored).map((difference) => ({
    ...difference,
    line: document.positionAt(difference.start).line,
  }));
  // libvirt keeps no comments: each one is gone from the stored definition.
  for (const match of text.matchAll(/<!--[\s\S]*?-->/g)) {
    const start = match.index ?? 0;
    parts.push({
      kind: 'dropped-comment',
      path: 'comment',
      detail: M.commentDropped({ comment: match[0].slice(4, -3).trim().slice(0, 60) }),
      start,
      end: start + match[0].length,
      line: document.positionAt(start).line,
    });
  }
  return parts.sort((a, b) => a.start - b.start);
}

export async function validateDocument(
  document: TextDocument,
  timeoutMs: number,
  signal?: AbortSignal,
  schema: 'domain' | 'network' | 'storagepool' | 'storagevol' = 'domain',
): Promise<ValidateResult> {
  return withTemporaryFile(document.getText(), async (file) => virtXmlValidate(file, timeoutMs, signal, schema));
}
