// The language service as it ships: bundled by esbuild as dist/server.main.js and dist/cli.main.js are. The bench
// runs under tsx, whose transform names every closure as it is created (keepNames: an Object.defineProperty per
// closure, 10–15 % of a typical domain's analysis); the shipped bundles carry none of that, and neither does this.

import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { REPO_ROOT } from '../test/support/built';

export type ShippedService = typeof import('./serviceEntry');

export function shippedService(): ShippedService {
  const outfile = join(REPO_ROOT, '.cache', 'bench', 'service.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'serviceEntry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return require(outfile) as ShippedService;
}
