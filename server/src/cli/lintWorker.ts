// A lint thread of a run over many files (cli/parallelLint.ts): its share of the files, the results back. Loaded
// only in such a thread (imported dynamically), so that a plain run does not load node:worker_threads.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runLintTask, WORKER_TASK } from './lintTask';

/** Runs the task this thread was started with; false when it is no lint thread after all. */
export async function runLintWorker(): Promise<boolean> {
  if (isMainThread || workerData?.kind !== WORKER_TASK) return false;
  parentPort?.postMessage(await runLintTask(workerData.task));
  return true;
}
