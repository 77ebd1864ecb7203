// libvirt's RelaxNG check: `virt-xml-validate FILE domain|network|storagepool|storagevol`, its output turned into positioned problems.

import { execFile } from 'node:child_process';
import { messages, type Text } from '../l10n/message';
import { DEFAULT_TIMEOUT_MS } from './virsh';

const M = messages('virsh', {
  validateMissing:
    'virt-xml-validate was not found. Install it (Debian/Ubuntu: sudo apt install libvirt-clients; Fedora: sudo dnf install libvirt-client).',
});

export interface SchemaProblem {
  /** 1-based line, as the tool prints it (0 when it names none). */
  readonly line: number;
  readonly message: string;
}

export interface ValidateResult {
  readonly ok: boolean;
  readonly problems: SchemaProblem[];
  /** Why the tool did not run (a Message), or its output (verbatim) when it could not be parsed. */
  readonly message: Text;
  readonly notFound?: boolean;
}

export const VIRT_XML_VALIDATE_MISSING = M.validateMissing();

export function virtXmlValidate(
  file: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  signal?: AbortSignal,
  schema: 'domain' | 'network' | 'storagepool' | 'storagevol' = 'domain',
): Promise<ValidateResult> {
  return new Promise((resolve) => {
    execFile('virt-xml-validate', [file, schema], { timeout: timeoutMs, signal, encoding: 'utf8' }, (error, stdout, stderr) => {
      const output = `${stderr}\n${stdout}`;
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        resolve({ ok: false, problems: [], message: VIRT_XML_VALIDATE_MISSING, notFound: true });
        return;
      }
      const problems = parseValidateOutput(output, file);
      resolve({ ok: !error, problems, message: error && problems.length === 0 ? output.trim() : '' });
    });
  });
}

/**
 * xmllint-style lines: "FILE:12: element disk: Relax-NG validity error : Element disk failed to validate attributes".
 * The summary lines ("Relax-NG validity error" without a line, "FILE fails to validate") are left out.
 */
export function parseValidateOutput(output: string, file: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith(`${file}:`)) continue;
    const rest = line.slice(file.length + 1);
    const match = /^(\d+): (.*)$/.exec(rest);
    if (!match) continue;
    problems.push({ line: Number(match[1]), message: match[2].replace(/^element \S+: Relax-NG validity error : /, '').trim() });
  }
  return problems;
}
