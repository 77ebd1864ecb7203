// The one place that runs virsh: an argument array (never a shell), a time limit, cancellation, and libvirt's
// error message picked out of stderr. Names and paths are passed literally: callers put `--` before file names
// and use `--domain NAME` for domain names, so spaces, quotes, `$(…)`, newlines or a leading `-` are harmless.

import { execFile } from 'node:child_process';
import { messages, type Text } from '../l10n/message';
import { DEFAULT_COMMAND_TIMEOUT_SECONDS } from '../protocol';

const M = messages('virsh', {
  missing:
    'virsh was not found. Install it (Debian/Ubuntu: sudo apt install libvirt-clients; Fedora: sudo dnf install libvirt-client) or set libvirt.virshPath.',
  cancelled: 'Cancelled.',
  timedOut: 'virsh did not finish within {seconds} s (libvirt.commandTimeoutSeconds).',
});

export interface VirshOptions {
  /** The virsh binary (setting libvirt.virshPath); 'virsh' from PATH by default. */
  readonly virshPath?: string;
  /** The connection URI; empty or undefined means virsh's own default (LIBVIRT_DEFAULT_URI, then its built-in). */
  readonly uri?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface VirshResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** libvirt's explanation when it failed (the error lines of stderr, verbatim), or why virsh did not run (a Message). */
  readonly message: Text;
  readonly notFound?: boolean;
  readonly timedOut?: boolean;
  readonly cancelled?: boolean;
}

export const DEFAULT_TIMEOUT_MS = DEFAULT_COMMAND_TIMEOUT_SECONDS * 1000;

export const VIRSH_MISSING_MESSAGE = M.missing();

export function runVirsh(args: readonly string[], options: VirshOptions = {}): Promise<VirshResult> {
  const virsh = options.virshPath || 'virsh';
  const fullArgs = options.uri ? ['-c', options.uri, ...args] : [...args];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    execFile(
      virsh,
      fullArgs,
      { timeout: timeoutMs, signal: options.signal, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: process.env },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout, stderr, message: '' });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return resolve({ ok: false, stdout, stderr, message: VIRSH_MISSING_MESSAGE, notFound: true });
        if (error.name === 'AbortError' || code === 'ABORT_ERR')
          return resolve({ ok: false, stdout, stderr, message: M.cancelled(), cancelled: true });
        if ((error as { killed?: boolean }).killed) {
          return resolve({
            ok: false,
            stdout,
            stderr,
            message: M.timedOut({ seconds: Math.round(timeoutMs / 1000) }),
            timedOut: true,
          });
        }
        resolve({ ok: false, stdout, stderr, message: libvirtMessage(stderr) || error.message });
      },
    );
  });
}

/**
 * libvirt's reason from virsh's stderr: "error: Failed to define domain from f.xml\nerror: XML error: …" gives
 * "XML error: …" (the generic first line is dropped when a specific one follows).
 */
export function libvirtMessage(stderr: string): string {
  const errors = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('error: '))
    .map((line) => line.slice(7));
  const specific = errors.filter((line) => !/^Failed to \w+/.test(line));
  return (specific.length ? specific : errors).join('\n');
}
