// The language service: plain functions over a TextDocument, knowing nothing of connections, processes or
// editors. The CLI and the language server are thin front ends over it.

import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { HostFacts } from './hostFacts';
import { buildDomainModel, type DomainModel } from './model/domainModel';
import { RULES, RULES_BY_ID } from './rules';
import type { Problem, Rule, Severity } from './rules/rule';
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

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface LanguageService {
  analyse(document: TextDocument): AnalysedDocument;
  validate(document: TextDocument, settings?: LintSettings, analysed?: AnalysedDocument): Diagnostic[];
  readonly rules: readonly Rule[];
}

export function createLanguageService(host: HostFacts): LanguageService {
  function analyse(document: TextDocument): AnalysedDocument {
    const xml = parseXml(document.getText());
    return { xml, model: buildDomainModel(xml.root) };
  }

  function validate(document: TextDocument, settings: LintSettings = {}, analysed = analyse(document)): Diagnostic[] {
    const { xml, model } = analysed;
    if (!model) return [];
    const facts: HostFacts = settings.hostArch ? { ...host, arch: settings.hostArch } : host;
    const diagnostics: Diagnostic[] = [];
    for (const rule of RULES) {
      const setting = settings.rules?.[rule.id] ?? rule.severity;
      if (setting === 'off') continue;
      const report = (problem: Problem) => diagnostics.push(toDiagnostic(document, rule, LSP_SEVERITY[setting], problem));
      try {
        rule.check({ model, document: xml, host: facts, report });
      } catch (error) {
        // A rule bug must never take the other rules (or the server) down with it.
        diagnostics.push({
          range: { start: document.positionAt(0), end: document.positionAt(0) },
          severity: DiagnosticSeverity.Warning,
          source: DIAGNOSTIC_SOURCE,
          code: rule.id,
          message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    return diagnostics;
  }

  return { analyse, validate, rules: RULES };
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
    diagnostic.relatedInformation = problem.related.map((related): DiagnosticRelatedInformation => ({
      location: { uri: document.uri, range: { start: document.positionAt(related.start), end: document.positionAt(related.end) } },
      message: related.message,
    }));
  }
  return diagnostic;
}

export function isRuleId(id: string): boolean {
  return RULES_BY_ID.has(id);
}
