// What is at the paths a document names, on this machine: a file, a block device, a directory, or nothing. Each
// look has a time limit (a hung NFS mount must not hold the facts back); a path that cannot be looked at —
// permission, time limit — is left out rather than called missing.

import { stat } from 'node:fs/promises';
import type { PathState } from '../service/hostFacts';

const LOOK_LIMIT_MS = 2000;

export async function readPathStates(paths: readonly string[], limitMs = LOOK_LIMIT_MS): Promise<Record<string, PathState>> {
  const states: Record<string, PathState> = {};
  await Promise.all(
    paths.map(async (path) => {
      const state = await lookAt(path, limitMs);
      if (state) states[path] = state;
    }),
  );
  return states;
}

async function lookAt(path: string, limitMs: number): Promise<PathState | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), limitMs);
  });
  const looked = stat(path).then(
    (stats): PathState => (stats.isFile() ? 'file' : stats.isBlockDevice() ? 'block' : stats.isDirectory() ? 'directory' : 'other'),
    (error: NodeJS.ErrnoException): PathState | undefined => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'missing' : undefined),
  );
  try {
    return await Promise.race([looked, late]);
  } finally {
    clearTimeout(timer);
  }
}
