// Entry point of the libvirt-lint command.

import { writeSync } from 'node:fs';
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

/**
 * Standard output written directly to fd 1: process.stdout would load node's stream machinery (~9 ms of a one-file
 * run). Should the descriptor be non-blocking and full, the rest goes through process.stdout after all; a reader
 * that has gone away (libvirt-lint … | head) ends the output without an error.
 */
function writeOut(text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') process.stdout.write(bytes.subarray(offset));
    else if (code !== 'EPIPE') throw error;
  }
}

/** Colour on a terminal, asked only for stylish output (node:tty loads node's streams: JSON runs go without). */
function colour(): boolean {
  if (process.env.NO_COLOR !== undefined) return false;
  if (process.env.FORCE_COLOR !== undefined) return true;
  const { isatty } = require('node:tty') as typeof import('node:tty');
  return isatty(1);
}

if (process.argv.includes(WORKER_FLAG))
  void import('./cli/lintWorker').then(async ({ runLintWorker }) => (await runLintWorker()) || main());
else main();

function main(): void {
  runCli(process.argv.slice(2), {
    writeOut,
    writeErr: (text) => process.stderr.write(text),
    get colour() {
      return colour();
    },
    readStdin,
    workerScript: __filename,
    env: process.env,
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
