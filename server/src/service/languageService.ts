// The language service: plain functions over a TextDocument, knowing nothing of connections, processes or
// editors. The CLI and the language server are thin front ends over it; what it knows of the world (the host's
// facts, randomness) comes in through the ServiceEnvironment.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { Locale } from '../l10n/locale';
import type { AnalysedDocument } from './analysedDocument';
import { type CodeActionRequest, codeActionsFor, fixContextFor } from './codeActions';
import { type CompletionOptions, completionAt } from './completion/completion';
import { ALL_RULES, ALL_RULES_BY_ID, kindOfRoot } from './documentKinds';
import { documentSymbols } from './documentSymbols';
import type { HostFacts } from './hostFacts';
import { type HostQuestions, hostQuestionsFor } from './hostQuestions';
import { hostReport } from './hostReport';
import { hoverAt } from './hover';
import { inlayHints } from './inlayHints';
import {
  type DocumentFixContext,
  type DocumentModel,
  type LintSettings,
  NO_WORKSPACE,
  type ServiceEnvironment,
  type WorkspaceDefinitions,
} from './languageTypes';
import type { DomainModel } from './model/domainModel';
import type { Rule } from './rules/rule';
import { hostFor, type ReportedProblem, validateAnalysed } from './validation/validate';
import { parseXml } from './xml/xmlParser';

export interface LanguageService {
  analyse(document: TextDocument): AnalysedDocument;
  validate(document: TextDocument, settings?: LintSettings, analysed?: AnalysedDocument): Diagnostic[];
  /** Quick fixes for the diagnostics in `context` (or, without them, for the problems touching `range`), then tweaks. */
  codeActions(document: TextDocument, range: Range, context: CodeActionRequest, settings?: LintSettings): CodeAction[];
  /** The outline: the domain, its sections, its devices with useful labels (a network's, pool's or volume's parts). */
  documentSymbols(document: TextDocument, locale?: Locale): DocumentSymbol[];
  /** What the document, the host and the schema say of the element or attribute at the position, in `locale`. */
  hover(document: TextDocument, position: Position, locale?: Locale): Hover | null;
  /** Elements, attributes and values valid at the position (from libvirt's schema), with the domain's and host's own first; details in `options.locale`. */
  completion(document: TextDocument, position: Position, options?: CompletionOptions): CompletionList;
  inlayHints(document: TextDocument, range: Range): InlayHint[];
  /** The passthrough readiness report of the domain on the host, as Markdown (undefined when it is no domain). */
  hostReport(document: TextDocument, locale?: Locale): string | undefined;
  /** What the host should be asked for this document (domain capabilities of what it uses). */
  hostQuestions(document: TextDocument): HostQuestions;
  /** Every kind's rules, each id once. */
  readonly rules: readonly Rule<DocumentModel, DocumentFixContext>[];
}

const NO_SETTINGS: LintSettings = {};

/** How many documents' analyses are kept: an editor asks for code actions on what it just validated. */
const CACHED_DOCUMENTS = 3;

interface CacheEntry {
  readonly text: string;
  readonly analysed: AnalysedDocument;
  problems?: {
    readonly settings: LintSettings;
    readonly host: HostFacts;
    readonly workspace: WorkspaceDefinitions;
    readonly reported: ReportedProblem[];
  };
}

export function createLanguageService(environment: ServiceEnvironment): LanguageService {
  const cache = new Map<string, CacheEntry>();
  const workspaceOf = () => environment.workspace?.() ?? NO_WORKSPACE;

  function cached(document: TextDocument): CacheEntry {
    const text = document.getText();
    let entry = cache.get(document.uri);
    if (!entry || entry.text !== text) {
      const xml = parseXml(text);
      const kind = kindOfRoot(xml.root);
      const definition = kind && xml.root ? kind.buildModel(xml.root) : undefined;
      const model = kind?.id === 'domain' ? (definition as DomainModel | undefined) : undefined;
      entry = { text, analysed: { xml, kind, definition, model } };
      cache.delete(document.uri);
      cache.set(document.uri, entry);
      if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
    }
    return entry;
  }

  function analyse(document: TextDocument): AnalysedDocument {
    return cached(document).analysed;
  }

  /** The problems of a document, computed once per version, settings object and host facts. */
  function problemsOf(document: TextDocument, settings: LintSettings): ReportedProblem[] {
    const entry = cached(document);
    const host = environment.hostFacts(document.uri);
    const workspace = workspaceOf();
    if (entry.problems?.settings !== settings || entry.problems.host !== host || entry.problems.workspace !== workspace) {
      entry.problems = { settings, host, workspace, reported: validateAnalysed(document, entry.analysed, settings, host, workspace) };
    }
    return entry.problems.reported;
  }

  function validate(document: TextDocument, settings: LintSettings = NO_SETTINGS, analysed?: AnalysedDocument): Diagnostic[] {
    const reported = analysed
      ? validateAnalysed(document, analysed, settings, environment.hostFacts(document.uri), workspaceOf())
      : problemsOf(document, settings);
    return reported.map((entry) => entry.diagnostic);
  }

  function codeActions(
    document: TextDocument,
    range: Range,
    request: CodeActionRequest,
    settings: LintSettings = NO_SETTINGS,
  ): CodeAction[] {
    const fixContext = fixContextFor(analyse(document), hostFor(environment.hostFacts(document.uri), settings), environment);
    if (!fixContext) return [];
    return codeActionsFor(document, fixContext, problemsOf(document, settings), range, request, settings.locale);
  }

  function symbols(document: TextDocument, locale: Locale = 'en'): DocumentSymbol[] {
    return documentSymbols(document, analyse(document), environment.hostFacts(document.uri), locale);
  }

  function hover(document: TextDocument, position: Position, locale: Locale = 'en'): Hover | null {
    return hoverAt(document, analyse(document), environment.hostFacts(document.uri), document.offsetAt(position), locale);
  }

  function completion(document: TextDocument, position: Position, options?: CompletionOptions): CompletionList {
    return completionAt(document, analyse(document), environment.hostFacts(document.uri), document.offsetAt(position), options);
  }

  function hints(document: TextDocument, range: Range): InlayHint[] {
    const { model } = analyse(document);
    return model ? inlayHints(document, model, environment.hostFacts(document.uri), range) : [];
  }

  function report(document: TextDocument, locale: Locale = 'en'): string | undefined {
    const { model } = analyse(document);
    return model ? hostReport(model, environment.hostFacts(document.uri), locale) : undefined;
  }

  function questions(document: TextDocument): HostQuestions {
    const { model } = analyse(document);
    return model ? hostQuestionsFor(model, environment.hostFacts(document.uri)) : {};
  }

  return {
    analyse,
    validate,
    codeActions,
    documentSymbols: symbols,
    hover,
    completion,
    inlayHints: hints,
    hostReport: report,
    hostQuestions: questions,
    rules: ALL_RULES,
  };
}

export function isRuleId(id: string): boolean {
  return ALL_RULES_BY_ID.has(id);
}
