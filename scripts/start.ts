// npm start: the extension in a real VS Code (code-server) on 127.0.0.1, with examples/ as the workspace and
// libvirt's embedded test driver as the connection, so that every command works without a hypervisor.

import { join } from 'node:path';
import { ensureCodeServer, startCodeServer } from '../test/e2e/codeServer';

async function main(): Promise<void> {
  ensureCodeServer();
  const server = await startCodeServer(
    join(__dirname, '..', 'examples'),
    { 'libvirt.connectionUri': 'test:///default' },
    {
      inPlace: true,
      installExtension: true,
      port: process.env.PORT ? Number(process.env.PORT) : undefined,
    },
  );
  console.log(
    `\nVS Code with the libvirt extension: ${server.url()}\n(workspace: examples/, connection: test:///default; Ctrl+C to stop)\n`,
  );
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
