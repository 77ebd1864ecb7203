// A minimal LSP client over stdio for tests and the benchmark: spawns the bundled server and records what it
// publishes. It answers workspace/configuration from a settings object the test controls.

import { type ChildProcess, spawn } from 'node:child_process';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { builtProgram } from './built';

export interface LspClient {
  readonly connection: MessageConnection;
  readonly published: PublishDiagnosticsParams[];
  /** window/showMessage notifications, in order. */
  readonly messages: Array<{ type: number; message: string }>;
  settings: unknown;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `predicate`. */
  nextDiagnostics(
    uri: string,
    predicate?: (params: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  close(): Promise<void>;
  readonly process: ChildProcess;
}

export interface LspClientOptions {
  /** initializationOptions as the editor sends them. */
  readonly initializationOptions?: unknown;
  /** Answer workspace/configuration with null, as Neovim 0.7 does for a section it has no table for. */
  readonly configurationAnswersNull?: boolean;
  /** Declare textDocument.completion.completionItem.insertReplaceSupport. */
  readonly insertReplaceSupport?: boolean;
  /** The workspace folders (file: URIs) the editor has open. */
  readonly workspaceFolders?: readonly string[];
  /** initialize's `locale`: the editor's display language (VS Code sends 'zh-cn', 'en'...). */
  readonly locale?: string;
}

export async function startLspClient(settings: unknown = {}, options: LspClientOptions = {}): Promise<LspClient> {
  const child = spawn(process.execPath, [builtProgram('server'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const messages: Array<{ type: number; message: string }> = [];
  const waiters: Array<{
    uri: string;
    predicate: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }> = [];
  const client: LspClient = {
    connection,
    published,
    messages,
    settings,
    process: child,
    nextDiagnostics(uri, predicate = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const waiter = {
          uri,
          predicate,
          resolve: (params: PublishDiagnosticsParams) => {
            clearTimeout(timer);
            resolve(params);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    open(uri, text, languageId = 'xml', version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    async close() {
      await connection.sendRequest('shutdown');
      void connection.sendNotification('exit');
      await new Promise((resolve) => child.once('exit', resolve));
      connection.dispose();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    const index = waiters.findIndex((w) => w.uri === params.uri && w.predicate(params));
    if (index !== -1) waiters.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((item) => (item.section === 'libvirt' && !options.configurationAnswersNull ? client.settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder-${i + 1}` })) ?? null,
    initializationOptions: options.initializationOptions,
    locale: options.locale,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        completion: { completionItem: { insertReplaceSupport: options.insertReplaceSupport === true, snippetSupport: true } },
      },
    },
  });
  void connection.sendNotification('initialized', {});
  return client;
}
