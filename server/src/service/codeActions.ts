// Code actions: quick fixes for diagnostics and the tweaks at the cursor, as LSP code actions with versioned
// WorkspaceEdits. The rule that found a problem knows how to fix it: its report carries a fixes() function,
// called only here.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Locale } from '../l10n/locale';
import type { AnalysedDocument } from './analysedDocument';
import type { HostFacts } from './hostFacts';
import { DIAGNOSTIC_SOURCE, type DocumentFixContext, type Fix, type FixContext, type ServiceEnvironment } from './languageTypes';
import { QUICK_FIX, REWRITE, toCodeAction } from './lspConversions';
import { tweaksAt } from './tweaks';
import type { ReportedProblem } from './validation/validate';

export interface CodeActionRequest {
  readonly diagnostics: Diagnostic[];
  readonly only?: string[];
}

/** What the document kind's fixes are given; undefined for a document of no kind. */
export function fixContextFor(
  analysed: AnalysedDocument,
  host: HostFacts,
  environment: ServiceEnvironment,
): DocumentFixContext | undefined {
  const { xml, kind, definition } = analysed;
  if (!kind || !definition) return undefined;
  return kind.fixContext(xml, definition, host, environment);
}

function isDomainContext(context: DocumentFixContext): context is FixContext {
  return 'planner' in context;
}

/** Quick fixes for the request's diagnostics (or, without them, for the problems touching `range`), then tweaks. */
export function codeActionsFor(
  document: TextDocument,
  fixContext: DocumentFixContext,
  problems: readonly ReportedProblem[],
  range: Range,
  request: CodeActionRequest,
  locale: Locale = 'en',
): CodeAction[] {
  const wants = (kind: string) => !request.only || request.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(QUICK_FIX)) {
    for (const { problem, diagnostic } of problemsForRequest(document, problems, range, request.diagnostics)) {
      for (const fix of safeFixes(problem, fixContext)) actions.push(toCodeAction(document, fix, QUICK_FIX, diagnostic, locale));
    }
  }
  // Tweaks rewrite domains.
  if (wants(REWRITE) && isDomainContext(fixContext)) {
    for (const fix of tweaksAt(fixContext, document.offsetAt(range.start)))
      actions.push(toCodeAction(document, fix, REWRITE, undefined, locale));
  }
  return actions;
}

/** A fix that throws is dropped: the other fixes and the server go on. */
function safeFixes(reported: ReportedProblem, context: DocumentFixContext): Fix[] {
  try {
    return reported.problem.fixes?.(context).filter((fix) => fix.edits.length > 0) ?? [];
  } catch {
    return [];
  }
}

/** The problems (with their diagnostics) that a code action request is about. */
export function problemsForRequest(
  document: TextDocument,
  problems: readonly ReportedProblem[],
  range: Range,
  diagnostics: readonly Diagnostic[],
): Array<{ problem: ReportedProblem; diagnostic: Diagnostic }> {
  const result: Array<{ problem: ReportedProblem; diagnostic: Diagnostic }> = [];
  const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code !== undefined);
  if (ours.length > 0) {
    for (const diagnostic of ours) {
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const problem = problems.find((p) => p.rule.id === diagnostic.code && p.problem.start === start && p.problem.end === end);
      if (problem) result.push({ problem, diagnostic });
    }
    return result;
  }
  // Clients that do not send the diagnostics: every problem touching the range.
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  for (const problem of problems) {
    if (problem.problem.start <= end && problem.problem.end >= start) result.push({ problem, diagnostic: problem.diagnostic });
  }
  return result;
}
