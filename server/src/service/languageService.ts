// The language service: plain functions over a TextDocument, knowing nothing of connections, processes or
// editors. The CLI and the language server are thin front ends over it.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DiagnosticRelatedInformation,
  DocumentSymbol,
  Hover,
  InlayHint,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fixContextFor, problemsForRequest, QUICK_FIX, REWRITE, toCodeAction } from './codeActions';
import { completionAt } from './completion/completion';
import { documentSymbols } from './documentSymbols';
import type { HostFacts } from './hostFacts';
import { hoverAt } from './hover';
import { inlayHints } from './inlayHints';
import { buildDomainModel, type DomainModel } from './model/domainModel';
import { RULES, RULES_BY_ID } from './rules';
import type { Fix, FixContext, Problem, Rule, Severity } from './rules/rule';
import { tweaksAt } from './tweaks';
import { parseXml } from './xml/xmlParser';
import type { XmlDocument } from './xml/xmlTree';

export type RuleSetting = Severity | 'off';

export interface LintSettings {
  /** Per-rule severity or 'off', by rule id. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Overrides the host architecture (e.g. to lint for another machine). */
  readonly hostArch?: string;
}

export interface AnalysedDocument {
  readonly xml: XmlDocument;
  readonly model: DomainModel | undefined;
}

export const DIAGNOSTIC_SOURCE = 'libvirt';

const NO_SETTINGS: LintSettings = {};

/** Generic checks run after the specific rules, so that they can yield to them. */
const RULES_IN_ORDER: readonly Rule[] = [
  ...RULES.filter((rule) => !rule.yieldsToSpecificRules),
  ...RULES.filter((rule) => rule.yieldsToSpecificRules),
];

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface ReportedProblem {
  readonly rule: Rule;
  readonly problem: Problem;
  readonly diagnostic: Diagnostic;
}

export interface LanguageService {
  analyse(document: TextDocument): AnalysedDocument;
  validate(document: TextDocument, settings?: LintSettings, analysed?: AnalysedDocument): Diagnostic[];
  /** Quick fixes for the diagnostics in `context` (or, without them, for the problems touching `range`), then tweaks. */
  codeActions(
    document: TextDocument,
    range: Range,
    context: { diagnostics: Diagnostic[]; only?: string[] },
    settings?: LintSettings,
  ): CodeAction[];
  /** The outline: the domain, its sections, its devices with useful labels. */
  documentSymbols(document: TextDocument): DocumentSymbol[];
  hover(document: TextDocument, position: Position): Hover | null;
  /** Elements, attributes and values valid at the position (from libvirt's schema), with the domain's and host's own first. */
  completion(document: TextDocument, position: Position): CompletionList;
  inlayHints(document: TextDocument, range: Range): InlayHint[];
  readonly rules: readonly Rule[];
}

/** How many documents' analyses are kept: an editor asks for code actions on what it just validated. */
const CACHED_DOCUMENTS = 3;

export function createLanguageService(host: HostFacts): LanguageService {
  const cache = new Map<
    string,
    { text: string; analysed: AnalysedDocument; problems?: { settings: LintSettings; reported: ReportedProblem[] } }
  >();

  function cached(document: TextDocument) {
    const text = document.getText();
    let entry = cache.get(document.uri);
    if (!entry || entry.text !== text) {
      const xml = parseXml(text);
      entry = { text, analysed: { xml, model: buildDomainModel(xml.root) } };
      cache.delete(document.uri);
      cache.set(document.uri, entry);
      if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
    }
    return entry;
  }

  function analyse(document: TextDocument): AnalysedDocument {
    return cached(document).analysed;
  }

  /** The problems of a document under settings, computed once per version and settings object. */
  function problemsOf(document: TextDocument, settings: LintSettings): ReportedProblem[] {
    const entry = cached(document);
    if (entry.problems?.settings !== settings) entry.problems = { settings, reported: problems(document, settings, entry.analysed) };
    return entry.problems.reported;
  }

  const hostFor = (settings: LintSettings): HostFacts => (settings.hostArch ? { ...host, arch: settings.hostArch } : host);

  function problems(document: TextDocument, settings: LintSettings, analysed: AnalysedDocument): ReportedProblem[] {
    const { xml, model } = analysed;
    if (!model) return [];
    const facts = hostFor(settings);
    const reported: ReportedProblem[] = [];
    let earlier: SpanIndex | undefined;
    for (const rule of RULES_IN_ORDER) {
      const setting = settings.rules?.[rule.id];
      if (setting === 'off') continue;
      const report = (problem: Problem) => {
        if (
          rule.yieldsToSpecificRules &&
          (earlier ??= new SpanIndex(reported.filter((entry) => !entry.rule.yieldsToSpecificRules).map((entry) => entry.problem))).overlaps(
            problem,
          )
        )
          return;
        reported.push({
          rule,
          problem,
          diagnostic: toDiagnostic(document, rule, LSP_SEVERITY[setting ?? problem.severity ?? rule.severity], problem),
        });
      };
      try {
        rule.check({ model, document: xml, host: facts, report });
      } catch (error) {
        // A rule bug must never take the other rules (or the server) down with it.
        const problem = {
          start: 0,
          end: 0,
          message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
        };
        reported.push({ rule, problem, diagnostic: toDiagnostic(document, rule, DiagnosticSeverity.Warning, problem) });
      }
    }
    return reported;
  }

  function validate(document: TextDocument, settings: LintSettings = NO_SETTINGS, analysed?: AnalysedDocument): Diagnostic[] {
    const reported = analysed ? problems(document, settings, analysed) : problemsOf(document, settings);
    return reported.map((entry) => entry.diagnostic);
  }

  function codeActions(
    document: TextDocument,
    range: Range,
    context: { diagnostics: Diagnostic[]; only?: string[] },
    settings: LintSettings = NO_SETTINGS,
  ): CodeAction[] {
    const analysed = analyse(document);
    const fixContext = fixContextFor(analysed, hostFor(settings));
    if (!fixContext) return [];
    const wants = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];
    if (wants(QUICK_FIX)) {
      for (const { problem, diagnostic } of problemsForRequest(document, problemsOf(document, settings), range, context.diagnostics)) {
        for (const fix of safeFixes(problem, fixContext)) actions.push(toCodeAction(document, fix, QUICK_FIX, diagnostic));
      }
    }
    if (wants(REWRITE)) {
      for (const fix of tweaksAt(fixContext, document.offsetAt(range.start))) actions.push(toCodeAction(document, fix, REWRITE));
    }
    return actions;
  }

  function symbols(document: TextDocument): DocumentSymbol[] {
    const { model } = analyse(document);
    return model ? documentSymbols(document, model, host) : [];
  }

  function hover(document: TextDocument, position: Position): Hover | null {
    const { model } = analyse(document);
    return model ? hoverAt(document, model, host, document.offsetAt(position)) : null;
  }

  function completion(document: TextDocument, position: Position): CompletionList {
    const { xml, model } = analyse(document);
    return completionAt(document, xml, model, host, document.offsetAt(position));
  }

  function hints(document: TextDocument, range: Range): InlayHint[] {
    const { model } = analyse(document);
    return model ? inlayHints(document, model, host, range) : [];
  }

  return { analyse, validate, codeActions, documentSymbols: symbols, hover, completion, inlayHints: hints, rules: RULES };
}

/** The spans other rules reported, for the schema check (which runs last) to yield to them: O(log n) per question. */
class SpanIndex {
  private readonly starts: number[];
  /** maxEnd[i]: the largest end among the first i + 1 spans by start. */
  private readonly maxEnd: number[];

  constructor(spans: readonly { start: number; end: number }[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((span) => span.start);
    this.maxEnd = [];
    let max = -1;
    for (const span of sorted) this.maxEnd.push((max = Math.max(max, span.end)));
  }

  overlaps(span: { start: number; end: number }): boolean {
    let low = 0;
    let high = this.starts.length; // first index whose start >= span.end
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! < Math.max(span.end, span.start + 1)) low = middle + 1;
      else high = middle;
    }
    return low > 0 && this.maxEnd[low - 1]! > span.start;
  }
}

/** A fix that throws is dropped: the other fixes and the server go on. */
function safeFixes(reported: ReportedProblem, context: FixContext): Fix[] {
  try {
    return reported.problem.fixes?.(context).filter((fix) => fix.edits.length > 0) ?? [];
  } catch {
    return [];
  }
}

function toDiagnostic(document: TextDocument, rule: Rule, severity: DiagnosticSeverity, problem: Problem): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
    severity,
    source: DIAGNOSTIC_SOURCE,
    code: rule.id,
    codeDescription: { href: rule.docs },
    message: problem.message,
  };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: document.uri, range: { start: document.positionAt(related.start), end: document.positionAt(related.end) } },
        message: related.message,
      }),
    );
  }
  return diagnostic;
}

export function isRuleId(id: string): boolean {
  return RULES_BY_ID.has(id);
}
