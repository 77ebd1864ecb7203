// Bundles each entry point into one self-contained file under dist/ (nothing from node_modules at run time).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js', executable: true },
  { in: 'server/src/server.ts', out: 'dist/server.js', executable: true },
];

await Promise.all(entries.map(async (entry) => {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: process.argv.includes('--minify'),
    banner: entry.executable ? { js: '#!/usr/bin/env node' } : undefined,
    logLevel: 'warning',
  });
  if (entry.executable) await chmod(entry.out, 0o755);
}));
