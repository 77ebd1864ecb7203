// The LSP front end: keeps open documents, publishes the language service's diagnostics for every document whose
// root element is <domain> (whatever its languageId), and reads settings through workspace/configuration.

import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import type { HostFacts } from '../service/hostFacts';
import { createLanguageService, type LintSettings } from '../service/languageService';
import { readLintSettings, SETTINGS_SECTION } from './settings';
import {
  defineDocument,
  dumpDomainXml,
  listDomains,
  readVirshSettings,
  shutdownDomain,
  startDomain,
  VIRSH_COMMANDS,
  type VirshSettings,
  validateDocument,
  virshOptions,
} from './virshCommands';

export function startLanguageServer(connection: Connection, host: HostFacts): void {
  const service = createLanguageService(host);
  const documents = new TextDocuments(TextDocument);
  const pending = new Set<string>();
  const withDiagnostics = new Set<string>();
  let settings: LintSettings = {};
  let virshSettings: VirshSettings = {};
  /** Setting libvirt.inlayHints (on unless set to false). */
  let inlayHintsEnabled = true;
  const readInlayHintsSetting = (section: unknown) => {
    inlayHintsEnabled = (section as { inlayHints?: unknown } | undefined)?.inlayHints !== false;
  };
  let pullConfiguration = false;
  // Editors without Workspace Trust are trusted; VS Code says so at start and on change.
  let trusted = true;
  /** Schema problems from virt-xml-validate, shown beside ours until the document changes. */
  const schemaDiagnostics = new Map<string, { version: number; diagnostics: Diagnostic[] }>();

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { settings?: unknown; workspaceTrusted?: boolean } | undefined;
    settings = readLintSettings(options?.settings);
    virshSettings = readVirshSettings(options?.settings);
    readInlayHintsSetting(options?.settings);
    trusted = options?.workspaceTrusted ?? true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        executeCommandProvider: { commands: Object.values(VIRSH_COMMANDS) },
        documentSymbolProvider: true,
        hoverProvider: true,
        inlayHintProvider: true,
        // '<' opens an element, a space the next attribute, a quote its value.
        completionProvider: { triggerCharacters: ['<', ' ', '"', "'"] },
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
      const section = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
      settings = readLintSettings(section);
      virshSettings = readVirshSettings(section);
      readInlayHintsSetting(section);
      revalidateAll();
    }
  });

  async function refreshSettings(): Promise<void> {
    try {
      const section: unknown = await connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      settings = readLintSettings(section);
      virshSettings = readVirshSettings(section);
      readInlayHintsSetting(section);
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
    let diagnostics: Diagnostic[];
    try {
      diagnostics = service.validate(document, settings);
    } catch (error) {
      connection.console.error(`Analysis of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const schema = schemaDiagnostics.get(document.uri);
    if (schema && schema.version === document.version) diagnostics = [...diagnostics, ...schema.diagnostics];
    else schemaDiagnostics.delete(document.uri);
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

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentSymbols(document) : [];
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.hover(document, params.position) : null;
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.completion(document, params.position) : null;
  });

  connection.languages.inlayHint.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && inlayHintsEnabled ? service.inlayHints(document, params.range) : [];
  });

  connection.onNotification('libvirt/workspaceTrust', (params: { trusted?: boolean }) => {
    trusted = params.trusted === true;
  });

  connection.onExecuteCommand(async (params, token) => {
    if (!trusted) return { ok: false, message: 'This workspace is not trusted: commands that run virsh are disabled.' };
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const options = virshOptions(virshSettings, controller.signal);
    const [argument] = params.arguments ?? [];
    const documentFor = (uri: unknown) => (typeof uri === 'string' ? documents.get(uri) : undefined);
    switch (params.command) {
      case VIRSH_COMMANDS.define: {
        const document = documentFor(argument);
        if (!document) return { ok: false, message: `No open document ${String(argument)}.` };
        if (!service.analyse(document).model)
          return { ok: false, message: 'The document is not a libvirt domain (its root element is not <domain>).' };
        return defineDocument(document, options);
      }
      case VIRSH_COMMANDS.validate: {
        const document = documentFor(argument);
        if (!document) return { ok: false, message: `No open document ${String(argument)}.` };
        const result = await validateDocument(document, options.timeoutMs ?? 30_000, controller.signal);
        schemaDiagnostics.set(document.uri, {
          version: document.version,
          diagnostics: result.problems.map((problem) => schemaDiagnostic(document, problem.line, problem.message)),
        });
        validate(document);
        return result;
      }
      case VIRSH_COMMANDS.dumpXml:
        return typeof argument === 'string' ? dumpDomainXml(argument, options) : { ok: false, message: 'A domain name is needed.' };
      case VIRSH_COMMANDS.start:
        return typeof argument === 'string' ? startDomain(argument, options) : { ok: false, message: 'A domain name is needed.' };
      case VIRSH_COMMANDS.shutdown:
        return typeof argument === 'string' ? shutdownDomain(argument, options) : { ok: false, message: 'A domain name is needed.' };
      case VIRSH_COMMANDS.list:
        return listDomains(options);
      default:
        return { ok: false, message: `Unknown command ${params.command}.` };
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

/** A virt-xml-validate problem on its line (the whole line: the tool gives no column). */
function schemaDiagnostic(document: TextDocument, line: number, message: string): Diagnostic {
  const index = Math.max(0, line - 1);
  const start = document.offsetAt({ line: index, character: 0 });
  const end = document.offsetAt({ line: index + 1, character: 0 });
  const text = document.getText().slice(start, end);
  const indent = text.length - text.trimStart().length;
  return {
    range: { start: { line: index, character: indent }, end: { line: index, character: Math.max(indent, text.trimEnd().length) } },
    severity: DiagnosticSeverity.Error,
    source: 'virt-xml-validate',
    message,
  };
}
