// Entry point of libvirt-xml-language-server: LSP over --stdio, --node-ipc or --socket=PORT; --version, --help.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { createLocalHostFacts } from './host/localHostFacts';
import { startLanguageServer } from './lsp/languageServer';

const USAGE = `Usage: libvirt-xml-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME
       libvirt-xml-language-server --version | --help

The language server for libvirt XML (domains): diagnostics with quick fixes, completion, hover, outline and inlay
hints, and the virsh commands of workspace/executeCommand. Settings (the "libvirt" section: rules, connectionUri,
virshPath, connections, ...) come from initializationOptions, workspace/didChangeConfiguration or
workspace/configuration. See the README for each editor's set-up.
`;

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write(USAGE);
  process.exit(2);
}

// A UUID only when a fix makes one: node:crypto is not loaded at start.
const randomUuid = () => globalThis.crypto.randomUUID();
startLanguageServer(createConnection(ProposedFeatures.all), { machine: createLocalHostFacts(), randomUuid });
