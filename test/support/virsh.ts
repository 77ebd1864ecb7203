// Runs the real virsh for tests: argument arrays (no shell), a time limit, and a connection URI that defaults
// to the system QEMU driver that .ci/run (or scripts/ensure-libvirt.mjs) starts.

import { execFile } from 'node:child_process';

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
