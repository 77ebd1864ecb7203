// Paths of the bundled programs. They are built by `npm test` (and `npm install`) before the tests run.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

export function builtProgram(name: 'cli' | 'server'): string {
  const path = join(REPO_ROOT, 'dist', `${name}.js`);
  assert.ok(existsSync(path), `${path} is missing: run npm run build`);
  return path;
}

export function fixture(name: string): string {
  return join(REPO_ROOT, 'test', 'fixtures', name);
}
