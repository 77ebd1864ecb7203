// Validation: every rule over an analysed document, under the user's settings, as problems with their diagnostics.
// Specific rules run first; generic ones (the schema) after them, dropping what a specific rule already explained.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { HostFacts } from '../hostFacts';
import type { AnalysedDocument, LintSettings } from '../languageTypes';
import { LSP_SEVERITY, toDiagnostic } from '../lspConversions';
import { RULES } from '../rules';
import type { Problem, Rule } from '../rules/rule';
import { SpanIndex } from './spanIndex';

export interface ReportedProblem {
  readonly rule: Rule;
  readonly problem: Problem;
  readonly diagnostic: Diagnostic;
}

/** Generic checks run after the specific rules, so that they can yield to them. */
const RULES_IN_ORDER: readonly Rule[] = [
  ...RULES.filter((rule) => !rule.yieldsToSpecificRules),
  ...RULES.filter((rule) => rule.yieldsToSpecificRules),
];

/** The host as the settings describe it: `hostArch` lints for another machine. */
export function hostFor(host: HostFacts, settings: LintSettings): HostFacts {
  return settings.hostArch ? { ...host, arch: settings.hostArch } : host;
}

export function validateAnalysed(
  document: TextDocument,
  analysed: AnalysedDocument,
  settings: LintSettings,
  host: HostFacts,
): ReportedProblem[] {
  const { xml, model } = analysed;
  if (!model) return [];
  const facts = hostFor(host, settings);
  const reported: ReportedProblem[] = [];
  let earlier: SpanIndex | undefined;
  const specificProblems = () => reported.filter((entry) => !entry.rule.yieldsToSpecificRules).map((entry) => entry.problem);
  for (const rule of RULES_IN_ORDER) {
    const setting = settings.rules?.[rule.id];
    if (setting === 'off') continue;
    const report = (problem: Problem) => {
      if (rule.yieldsToSpecificRules && (earlier ??= new SpanIndex(specificProblems())).overlaps(problem)) return;
      const severity = LSP_SEVERITY[setting ?? problem.severity ?? rule.severity];
      reported.push({ rule, problem, diagnostic: toDiagnostic(document, rule, severity, problem) });
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
