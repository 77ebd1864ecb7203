// Quick fixes for diagnostics, as LSP code actions with versioned WorkspaceEdits. The rule that found a problem
// knows how to fix it: its report carries a fixes() function, called only here.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { documentStyle } from './edits/documentStyle';
import type { OffsetEdit } from './edits/xmlEdits';
import type { HostFacts } from './hostFacts';
import type { AnalysedDocument, ReportedProblem } from './languageService';
import { createPciAddressPlanner } from './planner/pciAddressPlanner';
import type { Fix, FixContext } from './rules/rule';

export function fixContextFor(analysed: AnalysedDocument, host: HostFacts): FixContext | undefined {
  const { xml, model } = analysed;
  if (!model) return undefined;
  return {
    text: xml.text,
    style: documentStyle(xml),
    model,
    document: xml,
    host,
    planner: (moving = []) => createPciAddressPlanner(model, moving),
  };
}

/** An edit in offsets as an LSP TextEdit of `document`. */
export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}

export function toCodeAction(document: TextDocument, fix: Fix, kind: string, diagnostic?: Diagnostic): CodeAction {
  const edits = fix.edits.map((edit) => toTextEdit(document, edit));
  const action: CodeAction = {
    title: fix.title,
    kind,
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
  };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  if (fix.step) action.data = { step: true };
  return action;
}

/** The problems (with their diagnostics) that a code action request is about. */
export function problemsForRequest(
  document: TextDocument,
  problems: readonly ReportedProblem[],
  range: Range,
  diagnostics: readonly Diagnostic[],
): Array<{ problem: ReportedProblem; diagnostic: Diagnostic }> {
  const result: Array<{ problem: ReportedProblem; diagnostic: Diagnostic }> = [];
  const ours = diagnostics.filter((d) => d.source === 'libvirt' && d.code !== undefined);
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

export const QUICK_FIX = CodeActionKind.QuickFix;
export const REWRITE = CodeActionKind.RefactorRewrite;
