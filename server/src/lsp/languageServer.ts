// The LSP front end: keeps open documents, publishes the language service's diagnostics for every document whose
// root element is <domain> (whatever its languageId), reads settings through workspace/configuration, and runs
// the virsh commands of the protocol.

import {
  type CancellationToken,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  type ExecuteCommandParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import type { HostFactsSource } from '../host/localHostFacts';
import type { Locale } from '../l10n/locale';
import { Message, messages, type Text } from '../l10n/message';
import { render } from '../l10n/render';
import { connectionNamed, effectiveConnections, parseLiveDocumentUri } from '../liveDocuments';
import {
  COMMANDS,
  type CommandArguments,
  type CommandId,
  type CommandReplies,
  DEFAULT_COMMAND_TIMEOUT_SECONDS,
  NOTIFICATIONS,
  SETTINGS_SECTION,
  type WorkspaceTrustParams,
} from '../protocol';
import { connectionName, type HostFacts } from '../service/hostFacts';
import { createLanguageService } from '../service/languageService';
import { createWorkspaceIndex } from '../service/workspaceDefinitions';
import { firstChild, textOf } from '../service/xml/xmlTree';
import { dumpDomainXml, listDomains, shutdownDomain, startDomain } from '../virsh/domainCommands';
import { createConnectionHosts } from './connectionHosts';
import { actOnLive, checkTarget, compareWithLive, forgetLive, listLive, readLive, saveLive } from './liveCommands';
import { renderReply, type Unrendered } from './replies';
import { readSettings, type ServerSettings, type VirshSettings } from './settings';
import { defineDocument, validateDocument, virshOptions } from './virshCommands';
import { readOnDisk, scanWorkspace } from './workspaceScan';

const M = messages('lsp', {
  hostUnavailable: 'Host facts for {where} unavailable: {reason}',
  notLibvirtXml: 'The document is not libvirt XML (its root element is not <domain>, <network>, <pool> or <volume>).',
  notTrusted: 'This workspace is not trusted: commands that run virsh are disabled.',
  notOpen: 'No open document {uri}.',
  volumeNeedsPool: 'A storage volume is created in a pool (virsh vol-create POOL FILE): name the pool.',
  domainNameNeeded: 'A domain name is needed.',
  connectionNeeded: 'A connection URI is needed.',
  xmlNeeded: 'The XML to save is needed.',
  documentAndConnectionNeeded: 'An open document and a connection URI are needed.',
  notNamedDomain: 'The document is not a libvirt domain with a <name>.',
  notDomain: 'The document is not a libvirt domain (its root element is not <domain>).',
  testDriver: "{uri} is libvirt's test driver: it describes no host.",
  noName: 'This file has no <name>.',
  cpus: '{count} CPUs',
  pciDevices: '{count} PCI devices',
  iommuOn: 'IOMMU on',
  noIommu: 'no IOMMU',
  listSeparator: ', ',
});

export interface ServerEnvironment {
  /** This machine's facts (sysfs, lspci, /dev): a local connection's extras, and all there is without virsh. */
  readonly machine: HostFactsSource;
  randomUuid(): string;
}

export function startLanguageServer(connection: Connection, environment: ServerEnvironment): void {
  const hosts = createConnectionHosts(environment.machine, {
    changed: () => {
      // Facts read in the background (the connection's, this machine's devices) reach diagnostics and hints.
      revalidateAll();
      if (refreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    },
    unavailable: (uri, message) => {
      // A notification (window/showMessage), not a request: every client shows it, none has to answer.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: render(M.hostUnavailable({ where: connectionName(uri), reason: message }), locale()),
      });
    },
  });
  /** The networks and pools the workspace defines: its files on disk, and open documents as edited. */
  const workspace = createWorkspaceIndex();
  const service = createLanguageService({
    hostFacts: (documentUri) => hosts.current(virshFor(documentUri), trusted),
    randomUuid: () => environment.randomUuid(),
    workspace: () => workspace.snapshot(),
  });
  let workspaceFolders: string[] = [];
  const documents = new TextDocuments(TextDocument);
  const pending = new Set<string>();
  /** Per open document, what was last published (its version and diagnostics): the same again is not re-sent, so
   *  a revalidation that changes nothing (settings read, host facts, the workspace scan) does not close a hover. */
  const published = new Map<string, string>();
  /** The client's display language (LSP initialize `locale`): messages speak it unless libvirt.language says otherwise. */
  let clientLocale: string | undefined;
  let settings: ServerSettings = readSettings(undefined);
  let pullConfiguration = false;
  let refreshInlayHints = false;
  /** The client takes InsertReplaceEdit in completion items. */
  let insertReplaceSupport = false;
  // Editors without Workspace Trust are trusted; VS Code says so at start and on change.
  let trusted = true;
  /** Schema problems from virt-xml-validate, shown beside ours until the document changes. */
  const schemaDiagnostics = new Map<string, { version: number; diagnostics: Diagnostic[] }>();

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    refreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    insertReplaceSupport = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
    const options = params.initializationOptions as { settings?: unknown; workspaceTrusted?: boolean } | undefined;
    clientLocale = params.locale;
    settings = readSettings(settingsSectionOf(options), clientLocale);
    trusted = options?.workspaceTrusted ?? true;
    workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        documentSymbolProvider: true,
        hoverProvider: true,
        inlayHintProvider: true,
        // '<' opens an element, a space the next attribute, a quote its value.
        completionProvider: { triggerCharacters: ['<', ' ', '"', "'"] },
      },
      serverInfo: { name: 'libvirt-xml-language-server', version },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) void refreshSettings();
    // The workspace's networks and pools, read in the background: documents see them when they arrive.
    let changed = false;
    void scanWorkspace(workspaceFolders, (uri, text) => {
      if (!documents.get(uri) && workspace.set(uri, text)) changed = true;
    }).then(() => {
      if (changed) revalidateAll();
    });
  });

  connection.onDidChangeConfiguration((change) => {
    // Pushed settings count whether or not the client also answers workspace/configuration (some answer null).
    const pushed = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pushed && typeof pushed === 'object') settings = readSettings(pushed, clientLocale);
    if (pullConfiguration) void refreshSettings();
    else revalidateAll();
  });

  async function refreshSettings(): Promise<void> {
    try {
      const section: unknown = await connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      // A client that offers workspace/configuration but has no such section (Neovim 0.7 answers null) keeps what
      // initializationOptions or didChangeConfiguration gave.
      if (section && typeof section === 'object') settings = readSettings(section, clientLocale);
    } catch (error) {
      connection.console.error(`Could not read the '${SETTINGS_SECTION}' settings: ${String(error)}`);
    }
    revalidateAll();
  }

  /** The virsh settings a document is analysed for: a libvirt: document's own connection, else the configured one. */
  function virshFor(documentUri: string): VirshSettings {
    const live = parseLiveDocumentUri(documentUri);
    if (!live) return settings.virsh;
    const connection = connectionNamed(effectiveConnections(settings.connections, settings.virsh.connectionUri), live.connectionName);
    return connection ? { ...settings.virsh, connectionUri: connection.uri || undefined } : settings.virsh;
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
      diagnostics = service.validate(document, settings.lint);
      // What the document uses decides which domain capabilities to read (in the background).
      hosts.sourceFor(virshFor(document.uri), trusted)?.want(service.hostQuestions(document));
    } catch (error) {
      connection.console.error(`Analysis of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const schema = schemaDiagnostics.get(document.uri);
    if (schema && schema.version === document.version) diagnostics = [...diagnostics, ...schema.diagnostics];
    else schemaDiagnostics.delete(document.uri);
    const sent = published.get(document.uri);
    if (diagnostics.length === 0 && sent === undefined) return;
    const fingerprint = `${document.version}\n${JSON.stringify(diagnostics)}`;
    if (fingerprint === sent) return;
    if (diagnostics.length > 0) published.set(document.uri, fingerprint);
    else published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      return service.codeActions(document, params.range, params.context, settings.lint);
    } catch (error) {
      connection.console.error(`Code actions for ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentSymbols(document, locale()) : [];
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.hover(document, params.position, locale()) : null;
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.completion(document, params.position, { insertReplace: insertReplaceSupport, locale: locale() }) : null;
  });

  connection.languages.inlayHint.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && settings.inlayHints ? service.inlayHints(document, params.range) : [];
  });

  connection.onNotification(NOTIFICATIONS.workspaceTrust, (params: WorkspaceTrustParams) => {
    trusted = params.trusted === true;
    revalidateAll();
  });

  connection.onShutdown(() => hosts.dispose());

  /** The language messages are rendered in: libvirt.language, or the client's display language. */
  function locale(): Locale {
    return settings.lint.locale ?? 'en';
  }

  /** A refusal in the shape of the command's reply. */
  function refusal<C extends CommandId>(command: C, message: Text): Unrendered<CommandReplies[C]> {
    const replies: { [K in CommandId]: Unrendered<CommandReplies[K]> } = {
      [COMMANDS.define]: { ok: false, message, stderr: '', differences: [] },
      [COMMANDS.validate]: { ok: false, message, problems: [] },
      [COMMANDS.dumpXml]: { ok: false, message, stdout: '', stderr: '' },
      [COMMANDS.list]: { ok: false, message },
      [COMMANDS.start]: { ok: false, message, stdout: '', stderr: '' },
      [COMMANDS.shutdown]: { ok: false, message, stdout: '', stderr: '' },
      [COMMANDS.domainName]: { ok: false, message },
      [COMMANDS.refreshHost]: { ok: false, message, uri: settings.virsh.connectionUri ?? '' },
      [COMMANDS.hostReport]: { ok: false, message },
      [COMMANDS.listObjects]: { ok: false, message },
      [COMMANDS.readObject]: { ok: false, message, stdout: '', stderr: '' },
      [COMMANDS.saveObject]: { ok: false, message, stderr: '', differences: [] },
      [COMMANDS.objectAction]: { ok: false, message, stdout: '', stderr: '' },
      [COMMANDS.compareWithLive]: { ok: false, message },
    };
    return replies[command];
  }

  const isCommand = (command: string): command is CommandId => (Object.values(COMMANDS) as string[]).includes(command);

  // Replies leave in the language in force; what libvirt said stays as it said it.
  connection.onExecuteCommand(async (params, token) => renderReply(await executeCommand(params, token), locale()));

  async function executeCommand(params: ExecuteCommandParams, token: CancellationToken) {
    const command = params.command;
    if (!isCommand(command)) return { ok: false, message: `Unknown command ${command}.` };
    const [argument] = (params.arguments ?? []) as CommandArguments[typeof command];
    if (command === COMMANDS.domainName) return domainNameOf(argument);
    if (!trusted) return refusal(command, M.notTrusted());
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const options = virshOptions(settings.virsh, controller.signal);
    /** The options for a command on another connection (the explorer's): same virsh and time limit. */
    const liveOptions = (uri: string) => ({ ...options, uri: uri || undefined });
    const documentFor = (uri: unknown) => (typeof uri === 'string' ? documents.get(uri) : undefined);
    const needsName = (name: unknown): name is string => typeof name === 'string';
    switch (command) {
      case COMMANDS.define: {
        const document = documentFor(argument);
        if (!document) return refusal(command, M.notOpen({ uri: String(argument) }));
        const kind = service.analyse(document).kind;
        if (!kind) return refusal(command, M.notLibvirtXml());
        const pool = (params.arguments?.[1] as { pool?: unknown } | undefined)?.pool;
        if (kind.id === 'volume' && (typeof pool !== 'string' || pool === '')) return refusal(command, M.volumeNeedsPool());
        const reply = await defineDocument(document, kind.id, options, pool as string | undefined);
        // A network or pool changes what the host has: documents see it at once.
        if (reply.ok && kind.id !== 'domain') void hosts.sourceFor(settings.virsh, trusted)?.refresh();
        return reply;
      }
      case COMMANDS.validate: {
        const document = documentFor(argument);
        if (!document) return refusal(command, M.notOpen({ uri: String(argument) }));
        const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_SECONDS * 1000;
        const result = await validateDocument(document, timeoutMs, controller.signal, service.analyse(document).kind?.validateAs);
        schemaDiagnostics.set(document.uri, {
          version: document.version,
          diagnostics: result.problems.map((problem) => schemaDiagnostic(document, problem.line, problem.message)),
        });
        validate(document);
        return result;
      }
      case COMMANDS.dumpXml:
        return needsName(argument) ? dumpDomainXml(argument, options) : refusal(command, M.domainNameNeeded());
      case COMMANDS.start:
        return needsName(argument) ? startDomain(argument, options) : refusal(command, M.domainNameNeeded());
      case COMMANDS.shutdown:
        return needsName(argument) ? shutdownDomain(argument, options) : refusal(command, M.domainNameNeeded());
      case COMMANDS.list:
        return listDomains(options);
      case COMMANDS.refreshHost:
        return refreshHost(typeof argument === 'string' ? argument : undefined);
      case COMMANDS.listObjects: {
        const connection = (argument as { connection?: unknown } | undefined)?.connection;
        if (typeof connection !== 'string') return refusal(command, M.connectionNeeded());
        return listLive(argument, liveOptions(connection));
      }
      case COMMANDS.readObject: {
        const target = checkTarget(argument);
        return target instanceof Message ? refusal(command, target) : readLive(target, liveOptions(target.connection));
      }
      case COMMANDS.saveObject: {
        const request = argument as CommandArguments[typeof COMMANDS.saveObject][0] | undefined;
        const target = checkTarget(request?.target);
        if (target instanceof Message) return refusal(command, target);
        if (typeof request?.text !== 'string') return refusal(command, M.xmlNeeded());
        const saved = await saveLive({ ...request, target }, liveOptions(target.connection), connectionName(target.connection));
        forgetLive(target.connection);
        // The connection's facts may have changed with it (a network, a pool): documents see them at once.
        if (saved.ok && target.kind !== 'domain')
          void hosts.sourceFor({ ...settings.virsh, connectionUri: target.connection }, trusted)?.refresh();
        return saved;
      }
      case COMMANDS.objectAction: {
        const request = argument as CommandArguments[typeof COMMANDS.objectAction][0] | undefined;
        const target = checkTarget(request?.target);
        if (target instanceof Message) return refusal(command, target);
        forgetLive(target.connection);
        return actOnLive({ target, action: request!.action }, liveOptions(target.connection));
      }
      case COMMANDS.compareWithLive: {
        const request = argument as CommandArguments[typeof COMMANDS.compareWithLive][0] | undefined;
        const document = documentFor(request?.documentUri);
        if (!document || typeof request?.connection !== 'string') return refusal(command, M.documentAndConnectionNeeded());
        const name = service.analyse(document).model?.name?.trim();
        if (!name) return refusal(command, M.notNamedDomain());
        return compareWithLive(document.getText(), name, request.connection, liveOptions(request.connection), Date.now());
      }
      case COMMANDS.hostReport: {
        const document = documentFor(argument);
        if (!document) return refusal(command, M.notOpen({ uri: String(argument) }));
        // The report is worth waiting for: the facts as read to the end, not as known so far.
        await hosts.sourceFor(virshFor(document.uri), trusted)?.settled();
        const markdown = service.hostReport(document, locale());
        return markdown ? { ok: true, message: '', markdown } : refusal(command, M.notDomain());
      }
    }
  }

  /** Reads the connection's host facts again and says what they are. */
  async function refreshHost(connectionUri?: string): Promise<Unrendered<CommandReplies[typeof COMMANDS.refreshHost]>> {
    const virsh = connectionUri === undefined ? settings.virsh : { ...settings.virsh, connectionUri: connectionUri || undefined };
    const uri = virsh.connectionUri ?? '';
    const source = hosts.sourceFor(virsh, trusted);
    if (!source) return refusal(COMMANDS.refreshHost, M.testDriver({ uri }));
    const facts = await source.refresh();
    revalidateAll();
    if (facts.unavailable) return { ok: false, uri, message: facts.unavailable };
    return { ok: true, uri, message: '', summary: hostSummary(facts, locale()) };
  }

  /** The <name> of an open document, from the parser (what libvirt will call the domain). */
  function domainNameOf(uri: unknown): Unrendered<CommandReplies[typeof COMMANDS.domainName]> {
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document) return refusal(COMMANDS.domainName, M.notOpen({ uri: String(uri) }));
    const { kind, definition } = service.analyse(document);
    if (!kind || !definition) return refusal(COMMANDS.domainName, M.notLibvirtXml());
    const name = textOf(firstChild(definition.root, 'name'));
    return name ? { ok: true, name, kind: kind.id } : refusal(COMMANDS.domainName, M.noName());
  }

  documents.onDidChangeContent((change) => {
    // A network or pool that changed changes what other documents are checked against.
    // Parsed once: the analysis a network or pool gets here is the one validation then uses.
    const document = change.document;
    if (workspace.set(document.uri, document.getText(), () => service.analyse(document).xml.root)) revalidateAll();
    else schedule(change.document.uri);
  });
  documents.onDidClose((event) => {
    pending.delete(event.document.uri);
    // What stays in the workspace is what is on disk.
    const uri = event.document.uri;
    void readOnDisk(uri).then((text) => {
      if (text === undefined ? workspace.delete(uri) : workspace.set(uri, text)) revalidateAll();
    });
    if (published.delete(event.document.uri)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The settings section in initializationOptions, as editors give it: VS Code's `{ settings, workspaceTrusted }`,
 * `{ libvirt: { … } }`, or the section itself (`{ rules, connectionUri, … }`, what Neovim's init_options holds).
 */
function settingsSectionOf(options: unknown): unknown {
  if (!options || typeof options !== 'object') return undefined;
  const record = options as Record<string, unknown>;
  if (record.settings && typeof record.settings === 'object') return record.settings;
  if (record[SETTINGS_SECTION] && typeof record[SETTINGS_SECTION] === 'object') return record[SETTINGS_SECTION];
  return record;
}

/** "x86_64, 16 CPUs, 31.3 GiB, 7 PCI devices, IOMMU on". */
function hostSummary(facts: HostFacts, locale: Locale): string {
  const parts: Text[] = [facts.arch];
  if (facts.cpus?.length) parts.push(M.cpus({ count: facts.cpus.length }));
  if (facts.memoryKiB) parts.push(`${(facts.memoryKiB / 1024 / 1024).toFixed(1)} GiB`);
  if (facts.pciDevices) parts.push(M.pciDevices({ count: facts.pciDevices.length }));
  if (facts.iommu !== undefined) parts.push(facts.iommu ? M.iommuOn() : M.noIommu());
  return parts.map((part) => render(part, locale)).join(render(M.listSeparator(), locale));
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
