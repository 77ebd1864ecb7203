// Entry point of the libvirt-lint command.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runLintTask, WORKER_TASK } from './cli/lintTask';
import { runCli } from './cli/runCli';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const colour = process.env.NO_COLOR === undefined && (process.env.FORCE_COLOR !== undefined || process.stdout.isTTY === true);

if (!isMainThread && workerData?.kind === WORKER_TASK) {
  // A lint thread of a run over many files (cli/parallelLint.ts): its share of the files, the results back.
  void runLintTask(workerData.task).then((results) => parentPort?.postMessage(results));
} else {
  runCli(process.argv.slice(2), {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    colour,
    readStdin,
    workerScript: __filename,
  }).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`libvirt-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
