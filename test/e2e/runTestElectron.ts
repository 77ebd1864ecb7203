// The same extension-host suite under @vscode/test-electron, for developers whose machine can download VS Code
// (it cannot here: `npm test` runs the suite in code-server instead). Usage: npm run test:electron

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'libvirt-electron-'));
  const workspace = join(work, 'workspace');
  cpSync(join(root, 'test', 'fixtures'), workspace, { recursive: true });
  const suite = join(work, 'suite', 'index.js');
  await build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  });
  await runTests({ extensionDevelopmentPath: root, extensionTestsPath: suite, launchArgs: [workspace, '--disable-extensions'] });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
