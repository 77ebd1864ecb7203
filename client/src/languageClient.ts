// Builds the language client: the bundled server over IPC, for libvirt-xml and plain XML documents (the server
// itself ignores XML whose root is not <domain>), with the "libvirt" settings section.

import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { readConfig, SECTION } from './config';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // The server analyses large documents faster with a larger young generation (see npm run bench).
  const execArgv = ['--max-semi-space-size=64'];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'libvirt-xml' }, { language: 'xml' }],
    synchronize: { configurationSection: SECTION },
    initializationOptions: { settings: readConfig(), workspaceTrusted: vscode.workspace.isTrusted },
    outputChannel: output,
  };
  return new LanguageClient('libvirt', 'Libvirt XML', serverOptions, clientOptions);
}
