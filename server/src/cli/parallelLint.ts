// libvirt-lint over many files on several threads: the files split by size between the main thread and workers
// (each a copy of this same bundle), every thread given the networks and pools of all the files, the results put
// back in the order the files were given.

import { Worker } from 'node:worker_threads';
import { mayDefineForWorkspace } from '../service/workspaceDefinitions';
import { type LintFile, type LintTask, runLintTask, WORKER_FLAG, WORKER_TASK } from './lintTask';
import type { FileResult } from './outputFormats';

/** Splits the files into `count` shares of about equal size (largest first, each to the lightest share). */
function shares(files: readonly LintFile[], count: number): number[][] {
  const order = files.map((_, index) => index).sort((a, b) => files[b]!.text.length - files[a]!.text.length);
  const split = Array.from({ length: count }, () => ({ bytes: 0, indexes: [] as number[] }));
  for (const index of order) {
    const lightest = split.reduce((best, share) => (share.bytes < best.bytes ? share : best));
    lightest.bytes += files[index]!.text.length;
    lightest.indexes.push(index);
  }
  return split.map((share) => share.indexes.sort((a, b) => a - b));
}

export async function lintInParallel(task: LintTask, threads: number, workerScript: string): Promise<FileResult[]> {
  const workspace = task.files.filter((file) => mayDefineForWorkspace(file.text));
  const [own, ...others] = shares(task.files, threads);
  const results: FileResult[] = new Array(task.files.length);
  const subtask = (indexes: number[]): LintTask => ({ ...task, files: indexes.map((index) => task.files[index]!), workspace });
  const workers = others.map(
    (indexes) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerScript, { argv: [WORKER_FLAG], workerData: { kind: WORKER_TASK, task: subtask(indexes) } });
        worker.once('message', (linted: FileResult[]) => {
          linted.forEach((result, i) => {
            results[indexes[i]!] = result;
          });
          resolve();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`a lint thread stopped with exit code ${code}`));
        });
      }),
  );
  (await runLintTask(subtask(own!))).forEach((result, i) => {
    results[own![i]!] = result;
  });
  await Promise.all(workers);
  return results;
}
