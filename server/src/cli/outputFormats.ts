// libvirt-lint's two output formats. The JSON shape is public interface: tools parse it.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../service/languageTypes';
import { severityName as lspSeverity } from '../service/lspConversions';

const severityName = (diagnostic: Diagnostic): Severity => lspSeverity(diagnostic.severity);

export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** `[{"file", "diagnostics": [{"line", "column", "endLine", "endColumn", "severity", "code", "message"}]}]`, 1-based, end exclusive. */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    results.map((result) => ({
      file: result.file,
      diagnostics: result.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d),
        code: String(d.code),
        message: messageText(d),
      })),
    })),
    null,
    2,
  )}\n`;
}

const STYLES = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  gray: '\x1b[90m',
  bold: '\x1b[1m',
  underline: '\x1b[4m',
  reset: '\x1b[0m',
};
const SEVERITY_COLOUR: Record<Severity, string> = { error: STYLES.red, warning: STYLES.yellow, info: STYLES.blue, hint: STYLES.gray };

/** ESLint-style: problems grouped by file, `line:col  severity  message  rule-id`, then a summary line. */
export function formatStylish(results: readonly FileResult[], colour: boolean): string {
  const paint = (style: string, text: string) => (colour ? `${style}${text}${STYLES.reset}` : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let out = '';
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const rows = result.diagnostics.map((d) => {
      const severity = severityName(d);
      counts[severity]++;
      return {
        where: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
        severity,
        message: messageText(d).replace(/\s*\n\s*/g, ' '),
        code: String(d.code),
      };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    out += `\n${paint(STYLES.underline, result.file)}\n`;
    for (const row of rows) {
      out += `  ${paint(STYLES.gray, row.where.padEnd(whereWidth))}  ${paint(SEVERITY_COLOUR[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint(STYLES.gray, row.code)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const parts = (Object.keys(counts) as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : s === 'info' ? '' : 's'}`);
  const summary = `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  return `${out}\n${paint(STYLES.bold + (counts.error ? STYLES.red : counts.warning ? STYLES.yellow : ''), `✖ ${summary}`)}\n`;
}
