// The LSP front end: keeps open documents, publishes the language service's diagnostics for every document whose
// root element is <domain> (whatever its languageId), and reads settings through workspace/configuration.

import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import type { HostFacts } from '../service/hostFacts';
import { createLanguageService, type LintSettings } from '../service/languageService';
import { readLintSettings, SETTINGS_SECTION } from './settings';

export function startLanguageServer(connection: Connection, host: HostFacts): void {
  const service = createLanguageService(host);
  const documents = new TextDocuments(TextDocument);
  const pending = new Set<string>();
  const withDiagnostics = new Set<string>();
  let settings: LintSettings = {};
  let pullConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    settings = readLintSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'libvirt-xml-language-server', version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) void refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    if (pullConfiguration) {
      void refreshSettings();
    } else {
      settings = readLintSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
      revalidateAll();
    }
  });

  async function refreshSettings(): Promise<void> {
    try {
      settings = readLintSettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
    } catch (error) {
      connection.console.error(`Could not read the '${SETTINGS_SECTION}' settings: ${String(error)}`);
    }
    revalidateAll();
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  /** Coalesces bursts of changes: a document is analysed once per turn of the event loop, at its latest version. */
  function schedule(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      const document = documents.get(uri);
      if (document) validate(document);
    });
  }

  function validate(document: TextDocument): void {
    let diagnostics;
    try {
      diagnostics = service.validate(document, settings);
    } catch (error) {
      connection.console.error(`Analysis of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    if (diagnostics.length === 0 && !withDiagnostics.has(document.uri)) return;
    if (diagnostics.length > 0) withDiagnostics.add(document.uri);
    else withDiagnostics.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      return service.codeActions(document, params.range, params.context, settings);
    } catch (error) {
      connection.console.error(`Code actions for ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  });

  documents.onDidChangeContent((change) => schedule(change.document.uri));
  documents.onDidClose((event) => {
    pending.delete(event.document.uri);
    if (withDiagnostics.delete(event.document.uri)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
