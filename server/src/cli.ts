// Entry point of the libvirt-lint command.

import { WORKER_FLAG } from './cli/lintTask';
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

if (process.argv.includes(WORKER_FLAG))
  void import('./cli/lintWorker').then(async ({ runLintWorker }) => (await runLintWorker()) || main());
else main();

function main(): void {
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
