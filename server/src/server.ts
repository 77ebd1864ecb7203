// Entry point of libvirt-xml-language-server: LSP over --stdio, --node-ipc or --socket=PORT.

import { randomUUID } from 'node:crypto';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createLocalHostFacts } from './host/localHostFacts';
import { startLanguageServer } from './lsp/languageServer';

if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write('Usage: libvirt-xml-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

startLanguageServer(createConnection(ProposedFeatures.all), { machine: createLocalHostFacts(), randomUuid: randomUUID });
