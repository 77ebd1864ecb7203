// Validation: every rule over an analysed document, under the user's settings, as problems with their diagnostics.
// Specific rules run first; generic ones (the schema) after them, dropping what a specific rule already explained.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AnalysedDocument } from '../analysedDocument';
import type { DocumentKind } from '../documentKinds';
import type { HostFacts } from '../hostFacts';
import { type DocumentFixContext, type DocumentModel, type LintSettings, NO_WORKSPACE, type WorkspaceDefinitions } from '../languageTypes';
import { LSP_SEVERITY, toDiagnostic } from '../lspConversions';
import type { Problem, Rule } from '../rules/rule';
import { SpanIndex } from './spanIndex';

type KindRule = Rule<DocumentModel, DocumentFixContext>;

export interface ReportedProblem {
  readonly rule: KindRule;
  /** Its fixes take the fix context of the document's kind (codeActions builds it with the kind's builder). */
  readonly problem: Problem<DocumentFixContext>;
  readonly diagnostic: Diagnostic;
}

const rulesInOrder = new WeakMap<DocumentKind, readonly KindRule[]>();

/** A kind's rules, generic checks after the specific rules, so that they can yield to them. */
function inOrder(kind: DocumentKind): readonly KindRule[] {
  let rules = rulesInOrder.get(kind);
  if (!rules) {
    rules = [...kind.rules.filter((rule) => !rule.yieldsToSpecificRules), ...kind.rules.filter((rule) => rule.yieldsToSpecificRules)];
    rulesInOrder.set(kind, rules);
  }
  return rules;
}

/** The host as the settings describe it: `hostArch` lints for another machine. */
export function hostFor(host: HostFacts, settings: LintSettings): HostFacts {
  return settings.hostArch ? { ...host, arch: settings.hostArch } : host;
}

export function validateAnalysed(
  document: TextDocument,
  analysed: AnalysedDocument,
  settings: LintSettings,
  host: HostFacts,
  workspace: WorkspaceDefinitions = NO_WORKSPACE,
): ReportedProblem[] {
  const { xml, kind, definition: model } = analysed;
  if (!kind || !model) return [];
  const facts = hostFor(host, settings);
  const reported: ReportedProblem[] = [];
  let earlier: SpanIndex | undefined;
  const specificProblems = () => reported.filter((entry) => !entry.rule.yieldsToSpecificRules).map((entry) => entry.problem);
  for (const rule of inOrder(kind)) {
    const setting = settings.rules?.[rule.id];
    if (setting === 'off') continue;
    const report = (problem: Problem<DocumentFixContext>) => {
      if (rule.yieldsToSpecificRules && (earlier ??= new SpanIndex(specificProblems())).overlaps(problem)) return;
      const severity = LSP_SEVERITY[setting ?? problem.severity ?? rule.severity];
      reported.push({ rule, problem, diagnostic: toDiagnostic(document, rule, severity, problem, settings.locale) });
    };
    try {
      rule.check({ model, document: xml, host: facts, workspace, report });
    } catch (error) {
      // A rule bug must never take the other rules (or the server) down with it.
      const problem = {
        start: 0,
        end: 0,
        message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
      };
      reported.push({ rule, problem, diagnostic: toDiagnostic(document, rule, DiagnosticSeverity.Warning, problem, settings.locale) });
    }
  }
  return reported;
}
