// One libvirt-lint run over a set of files, as the main thread or a worker thread does it: the files linted and
// the texts of the workspace (the networks and pools among all the files given) they are checked against.

import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HostFacts } from '../service/hostFacts';
import type { HostQuestions } from '../service/hostQuestions';
import { createLanguageService } from '../service/languageService';
import type { LintSettings } from '../service/languageTypes';
import { createWorkspaceIndex } from '../service/workspaceDefinitions';
import type { FileResult } from './outputFormats';

/** What marks a worker started for a lint task (the bundle's entry point checks for it). */
export const WORKER_TASK = 'libvirt-lint-task';
/** The argument a lint thread is started with (so that a plain run need not load node:worker_threads to know). */
export const WORKER_FLAG = '--libvirt-lint-worker';

export interface LintFile {
  readonly file: string;
  readonly text: string;
}

export interface LintTask {
  readonly files: readonly LintFile[];
  /** Files not linted here whose networks and pools count (another thread lints them). */
  readonly workspace: readonly LintFile[];
  readonly settings: LintSettings;
  readonly host: HostFacts;
}

function uriOf(file: string): string {
  return file === '-' ? 'untitled:stdin' : pathToFileURL(file).href;
}

/**
 * Lints the task's files in order. `beforeValidation` runs once every document is known (the CLI's connection
 * reads what they need from the host there) and may give newer host facts.
 */
export async function runLintTask(
  task: LintTask,
  beforeValidation?: (questions: HostQuestions[]) => Promise<HostFacts | undefined>,
): Promise<FileResult[]> {
  let host = task.host;
  const workspace = createWorkspaceIndex();
  // A UUID only for a fix that makes one (the CLI makes none): node:crypto is not loaded for nothing.
  const randomUuid = () => globalThis.crypto.randomUUID();
  const service = createLanguageService({ hostFacts: () => host, randomUuid, workspace: () => workspace.snapshot() });
  const linted = new Set(task.files.map(({ file }) => file));
  for (const { file, text } of task.workspace) if (!linted.has(file)) workspace.set(uriOf(file), text);
  const documents = task.files.map(({ file, text }) => {
    const document = TextDocument.create(uriOf(file), 'xml', 1, text);
    // The service's analysis, which validation then reuses: a network or pool file is parsed once.
    workspace.set(document.uri, text, () => service.analyse(document).xml.root);
    return { file, document };
  });
  if (beforeValidation) host = (await beforeValidation(documents.map(({ document }) => service.hostQuestions(document)))) ?? host;
  return documents.map(({ file, document }) => ({
    file,
    diagnostics: service
      .validate(document, task.settings)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  }));
}

/** Below this much XML per thread, starting a worker (loading the bundle, warming it up) costs more than it saves. */
const BYTES_PER_THREAD = 1.5 * 1024 * 1024;

/**
 * The threads worth using: what the user asked for, else one per two cores as far as the files pay for them. A
 * linting thread keeps a second core busy with V8's own work (optimising compiles, garbage collection): on two cores
 * a second thread made the run over libvirt's 1,267 test domains slower (818 ms on one, 932 ms on two).
 */
export function threadsFor(files: readonly LintFile[], requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files.length));
  const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
  const cores = Math.floor(availableParallelism() / 2);
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_THREAD) + 1, files.length));
}
