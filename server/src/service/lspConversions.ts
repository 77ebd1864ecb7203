// The service's results as LSP types: offsets become positions of the TextDocument, severities LSP's numbers.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { Locale } from '../l10n/locale';
import { render } from '../l10n/render';
import type { OffsetEdit } from './edits/xmlEdits';
import { DIAGNOSTIC_SOURCE, type Fix, type Severity, type Span } from './languageTypes';
import type { Problem, Rule } from './rules/rule';

export const QUICK_FIX = CodeActionKind.QuickFix;
export const REWRITE = CodeActionKind.RefactorRewrite;

export const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The name of an LSP severity (a diagnostic without one is an error, as LSP clients show it). */
export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** An edit in offsets as an LSP TextEdit of `document`. */
export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}

export function toDiagnostic(
  document: TextDocument,
  rule: Rule,
  severity: DiagnosticSeverity,
  problem: Problem,
  locale: Locale = 'en',
): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, problem),
    severity,
    source: DIAGNOSTIC_SOURCE,
    code: rule.id,
    codeDescription: { href: rule.docs },
    message: render(problem.message, locale),
  };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: document.uri, range: toRange(document, related) },
        message: render(related.message, locale),
      }),
    );
  }
  return diagnostic;
}

export function toCodeAction(document: TextDocument, fix: Fix, kind: string, diagnostic?: Diagnostic, locale: Locale = 'en'): CodeAction {
  const edits = fix.edits.map((edit) => toTextEdit(document, edit));
  const action: CodeAction = {
    title: render(fix.title, locale),
    kind,
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
  };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  if (fix.step) action.data = { step: true };
  return action;
}
