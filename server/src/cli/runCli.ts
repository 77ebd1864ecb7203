// libvirt-lint: reads the files, runs the language service, prints the results, returns the exit status.

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import packageJson from '../../../package.json';
import { localHostArch } from '../host/hostArch';
import { createLibvirtHostFacts, type LibvirtHostFactsSource } from '../host/libvirt/libvirtHostFacts';
import { createLocalHostFacts } from '../host/localHostFacts';
import { DEFAULT_COMMAND_TIMEOUT_SECONDS } from '../protocol';
import { ALL_RULES as RULES } from '../service/documentKinds';
import type { HostFacts } from '../service/hostFacts';
import { createLanguageService } from '../service/languageService';
import { createWorkspaceIndex } from '../service/workspaceDefinitions';
import { type CliOptions, parseCliArguments, USAGE } from './cliArguments';
import { type FileResult, formatJson, formatStylish } from './outputFormats';

export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  readonly colour: boolean;
  readStdin(): Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE_OR_IO = 2;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArguments(argv);
  if ('error' in parsed) {
    io.writeErr(`libvirt-lint: ${parsed.error}\n\n${USAGE}\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (parsed.help) {
    io.writeOut(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.version) {
    io.writeOut(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (parsed.listRules) {
    io.writeOut(listRules());
    return EXIT_OK;
  }
  return lintFiles(parsed, io);
}

async function lintFiles(options: CliOptions, io: CliIo): Promise<number> {
  const connection = connectionFor(options);
  let host: HostFacts = connection ? await connection.settled() : { arch: localHostArch() };
  if (connection && host.unavailable) {
    io.writeErr(`libvirt-lint: host facts for ${options.connect} unavailable (host rules skipped): ${host.unavailable}\n`);
    host = { arch: localHostArch() };
  }
  // The files linted together are the workspace: a domain is checked against the networks and pools among them.
  const workspace = createWorkspaceIndex();
  const service = createLanguageService({ hostFacts: () => host, randomUuid: randomUUID, workspace: () => workspace.snapshot() });
  const settings = { rules: options.rules, hostArch: options.hostArch };
  const documents: Array<{ file: string; document: TextDocument }> = [];
  let unreadable = false;
  for (const file of options.files) {
    try {
      const text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
      const uri = file === '-' ? 'untitled:stdin' : pathToFileURL(file).href;
      const document = TextDocument.create(uri, 'xml', 1, text);
      documents.push({ file, document });
      // The service's analysis, which validation then reuses: a network or pool file is parsed once.
      workspace.set(uri, text, () => service.analyse(document).xml.root);
    } catch (error) {
      unreadable = true;
      io.writeErr(`libvirt-lint: cannot read '${file}': ${describeIoError(error)}\n`);
    }
  }
  if (connection && !host.unavailable && host.connection) {
    // What the documents need beyond every host's facts: their domain capabilities, their paths (local connections).
    for (const { document } of documents) connection.want(service.hostQuestions(document));
    host = await connection.settled();
  }
  connection?.dispose();
  const results: FileResult[] = documents.map(({ file, document }) => ({
    file,
    diagnostics: service
      .validate(document, settings)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  }));
  io.writeOut(options.format === 'json' ? formatJson(results) : formatStylish(results, io.colour));
  if (unreadable) return EXIT_USAGE_OR_IO;
  const hasErrors = results.some((result) => result.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasErrors ? EXIT_ERRORS_FOUND : EXIT_OK;
}

/**
 * Without --connect only the architecture (the CLI reads no devices, no lspci, no /sys walk); with it, the
 * connection's host facts through virsh, or — when they cannot be had — one message and no host rules.
 */
function connectionFor(options: CliOptions): LibvirtHostFactsSource | undefined {
  if (options.connect === undefined) return undefined;
  return createLibvirtHostFacts({
    uri: options.connect,
    timeoutMs: DEFAULT_COMMAND_TIMEOUT_SECONDS * 1000,
    machine: createLocalHostFacts(),
  });
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function listRules(): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  return RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}\n`).join('');
}
