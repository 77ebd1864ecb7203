// libvirt-lint: reads the files, runs the language service, prints the results, returns the exit status.

import { readFileSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { version } from '../../../package.json';
import { localHostArch } from '../host/hostArch';
import type { LibvirtHostFactsSource } from '../host/libvirt/libvirtHostFacts';
import type { Locale } from '../l10n/locale';
import { messages, type Text } from '../l10n/message';
import { render, ruleText } from '../l10n/render';
import { DEFAULT_COMMAND_TIMEOUT_SECONDS } from '../protocol';
import { ALL_RULES as RULES } from '../service/documentKinds';
import type { HostFacts } from '../service/hostFacts';
import { type CliOptions, parseCliArguments, USAGE } from './cliArguments';
import { type LintFile, runLintTask, threadsFor } from './lintTask';
import { type FileResult, formatJson, formatStylish } from './outputFormats';

const M = messages('cli', {
  hostUnavailable: 'host facts for {uri} unavailable (host rules skipped): {reason}',
  cannotRead: "cannot read '{file}': {reason}",
  noSuchFile: 'no such file',
  isDirectory: 'it is a directory',
  permissionDenied: 'permission denied',
});

export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  readonly colour: boolean;
  readStdin(): Promise<string>;
  /** The script a lint thread runs (this bundle); without it everything is linted on the calling thread. */
  readonly workerScript?: string;
  /** The environment whose LC_ALL / LC_MESSAGES / LANG choose the language without --locale (none: English). */
  readonly env?: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE_OR_IO = 2;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArguments(argv, io.env);
  if ('error' in parsed) {
    io.writeErr(`libvirt-lint: ${render(parsed.error, parsed.locale)}\n\n${render(USAGE, parsed.locale)}\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (parsed.help) {
    io.writeOut(`${render(USAGE, parsed.locale)}\n`);
    return EXIT_OK;
  }
  if (parsed.version) {
    io.writeOut(`${version}\n`);
    return EXIT_OK;
  }
  if (parsed.listRules) {
    io.writeOut(listRules(parsed.locale));
    return EXIT_OK;
  }
  return lintFiles(parsed, io);
}

async function lintFiles(options: CliOptions, io: CliIo): Promise<number> {
  const connection = await connectionFor(options);
  let host: HostFacts = connection ? await connection.settled() : { arch: localHostArch() };
  if (connection && host.unavailable) {
    io.writeErr(`libvirt-lint: ${render(M.hostUnavailable({ uri: options.connect ?? '', reason: host.unavailable }), options.locale)}\n`);
    host = { arch: localHostArch() };
  }
  const files: LintFile[] = [];
  let unreadable = false;
  for (const file of options.files) {
    try {
      // Read synchronously: the files are read one after the other anyway, and a promise per file only waited for
      // the thread pool (half the wall time of a run over a thousand files was idle).
      files.push({ file, text: file === '-' ? await io.readStdin() : readFileSync(file, 'utf8') });
    } catch (error) {
      unreadable = true;
      io.writeErr(`libvirt-lint: ${render(M.cannotRead({ file, reason: describeIoError(error) }), options.locale)}\n`);
    }
  }
  // The files linted together are the workspace: a domain is checked against the networks and pools among them.
  const task = { files, workspace: [], settings: { rules: options.rules, hostArch: options.hostArch, locale: options.locale }, host };
  // Threads only without a connection: its host facts are read once, for what all the documents need.
  const threads = connection || !io.workerScript ? 1 : threadsFor(files, options.jobs);
  let results: FileResult[];
  if (threads > 1 && io.workerScript) {
    const { lintInParallel } = await import('./parallelLint');
    results = await lintInParallel(task, threads, io.workerScript);
  } else
    results = await runLintTask(task, async (questions) => {
      if (!connection || host.unavailable || !host.connection) return undefined;
      // What the documents need beyond every host's facts: their domain capabilities, their paths (local connections).
      for (const wanted of questions) connection.want(wanted);
      return connection.settled();
    });
  connection?.dispose();
  io.writeOut(options.format === 'json' ? formatJson(results) : formatStylish(results, io.colour, options.locale));
  if (unreadable) return EXIT_USAGE_OR_IO;
  const hasErrors = results.some((result) => result.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasErrors ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/**
 * Without --connect only the architecture (the CLI reads no devices, no lspci, no /sys walk, and does not even load
 * the code that would); with it, the connection's host facts through virsh, or — when they cannot be had — one
 * message and no host rules.
 */
async function connectionFor(options: CliOptions): Promise<LibvirtHostFactsSource | undefined> {
  if (options.connect === undefined) return undefined;
  const [{ createLibvirtHostFacts }, { createLocalHostFacts }] = await Promise.all([
    import('../host/libvirt/libvirtHostFacts'),
    import('../host/localHostFacts'),
  ]);
  return createLibvirtHostFacts({
    uri: options.connect,
    timeoutMs: DEFAULT_COMMAND_TIMEOUT_SECONDS * 1000,
    machine: createLocalHostFacts(),
  });
}

function describeIoError(error: unknown): Text {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return M.noSuchFile();
  if (code === 'EISDIR') return M.isDirectory();
  if (code === 'EACCES') return M.permissionDenied();
  return error instanceof Error ? error.message : String(error);
}

/** Each rule's id and default severity (what --rule takes, in every language) and its title in `locale`. */
function listRules(locale: Locale): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  return RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${ruleText(rule, 'title', locale)}\n`).join('');
}
