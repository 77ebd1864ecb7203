// Bundles each entry point into one self-contained file under dist/ (nothing from node_modules at run time). A
// program (libvirt-lint, the language server) is its bundle, dist/<name>.main.js, started by a small launcher,
// dist/<name>.js (scripts/launcher.cjs), that compiles the bundle with a V8 code cache.

import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

export const NODE_FLAGS = '--max-semi-space-size=64';

const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js', program: true },
  { in: 'server/src/server.ts', out: 'dist/server.js', program: true },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', program: false, external: ['vscode'] },
];

const launcher = await readFile(new URL('launcher.cjs', import.meta.url), 'utf8');

// The zh-CN catalogue stays a file of its own beside the bundles (dist/zh-cn.json), read only by a run that speaks
// Chinese: inside a bundle its 200 KB (twice that as ASCII escapes) slowed every start.
const CATALOGUES = ['zh-cn.json'];
await mkdir('dist', { recursive: true });
await Promise.all(CATALOGUES.map((name) => copyFile(new URL(`../server/src/l10n/${name}`, import.meta.url), `dist/${name}`)));

await Promise.all(
  entries.map(async (entry) => {
    const bundle = entry.program ? entry.out.replace(/\.js$/, '.main.js') : entry.out;
    await build({
      entryPoints: [entry.in],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      minify: process.argv.includes('--minify'),
      external: [...(entry.external ?? []), ...CATALOGUES.map((name) => `./${name}`)],
      logLevel: 'warning',
    });
    if (!entry.program) return;
    const main = bundle.slice(bundle.lastIndexOf('/') + 1);
    // A larger young generation: analysing a 1 MB domain allocates ~30 MB of short-lived nodes, and with V8's
    // default semi-space half of the time went to scavenges (npm run bench shows both).
    await writeFile(entry.out, `#!/usr/bin/env -S node ${NODE_FLAGS}\n${launcher.replace("'__MAIN__'", JSON.stringify(main))}`);
    await chmod(entry.out, 0o755);
  }),
);
