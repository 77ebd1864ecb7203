// libvirt-lint's two output formats. The JSON shape is public interface: tools parse it.

import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../l10n/locale';
import { type Message, messages } from '../l10n/message';
import { render } from '../l10n/render';
import type { Severity } from '../service/languageTypes';
import { severityName as lspSeverity } from '../service/lspConversions';

const M = messages('cli', {
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'hint',
  oneError: '{count} error',
  errors: '{count} errors',
  oneWarning: '{count} warning',
  warnings: '{count} warnings',
  infos: '{count} info',
  oneHint: '{count} hint',
  hints: '{count} hints',
  oneProblem: '{count} problem ({counts})',
  problems: '{count} problems ({counts})',
  countSeparator: ', ',
});

/** How stylish output names each severity in a row. */
const SEVERITY_LABEL: Readonly<Record<Severity, () => Message>> = { error: M.error, warning: M.warning, info: M.info, hint: M.hint };

/** "2 errors", "1 warning", "3 info": one count of the summary line. */
function severityCount(severity: Severity, count: number): Message {
  switch (severity) {
    case 'error':
      return count === 1 ? M.oneError({ count }) : M.errors({ count });
    case 'warning':
      return count === 1 ? M.oneWarning({ count }) : M.warnings({ count });
    case 'info':
      return M.infos({ count });
    case 'hint':
      return count === 1 ? M.oneHint({ count }) : M.hints({ count });
  }
}

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

/** ESLint-style: problems grouped by file, `line:col  severity  message  rule-id`, then a summary line, in `locale`. */
export function formatStylish(results: readonly FileResult[], colour: boolean, locale: Locale = 'en'): string {
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
        label: render(SEVERITY_LABEL[severity](), locale),
        message: messageText(d).replace(/\s*\n\s*/g, ' '),
        code: String(d.code),
      };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.label.length));
    out += `\n${paint(STYLES.underline, result.file)}\n`;
    for (const row of rows) {
      out += `  ${paint(STYLES.gray, row.where.padEnd(whereWidth))}  ${paint(SEVERITY_COLOUR[row.severity], row.label.padEnd(severityWidth))}  ${row.message}  ${paint(STYLES.gray, row.code)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  const parts = (Object.keys(counts) as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => render(severityCount(s, counts[s]), locale))
    .join(render(M.countSeparator(), locale));
  const summary = render(total === 1 ? M.oneProblem({ count: total, counts: parts }) : M.problems({ count: total, counts: parts }), locale);
  return `${out}\n${paint(STYLES.bold + (counts.error ? STYLES.red : counts.warning ? STYLES.yellow : ''), `✖ ${summary}`)}\n`;
}
