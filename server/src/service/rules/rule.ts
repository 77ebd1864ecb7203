// What a rule is: an id users configure and suppress by, a default severity, an explanation, a link to
// libvirt's documentation, and a check that reports problems as offsets into the document.

import type { Text } from '../../l10n/message';
import type { HostFacts } from '../hostFacts';
import type {
  DocumentFixContext,
  DocumentModel,
  Fix,
  FixContext,
  RelatedSpan,
  Severity,
  Span,
  WorkspaceDefinitions,
} from '../languageTypes';
import type { DomainModel } from '../model/domainModel';
import type { XmlDocument } from '../xml/xmlTree';

export interface Problem<C extends DocumentFixContext = FixContext> extends Span {
  readonly message: Text;
  /** This problem's severity when it differs from the rule's default (a user's setting for the rule wins). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedSpan[];
  /** Quick fixes, computed only when an editor asks for them. */
  readonly fixes?: (context: C) => Fix[];
}

/** What a rule checks: the model of its document kind (a domain's by default), the parsed document, the host. */
export interface RuleContext<M extends DocumentModel = DomainModel, C extends DocumentFixContext = FixContext> {
  readonly model: M;
  readonly document: XmlDocument;
  readonly host: HostFacts;
  /** The networks and pools the workspace defines (none when the document is checked alone). */
  readonly workspace: WorkspaceDefinitions;
  report(problem: Problem<C>): void;
}

/** A rule of one document kind (a domain's by default; xml-syntax and schema serve every kind). */
export interface Rule<M extends DocumentModel = DomainModel, C extends DocumentFixContext = FixContext> {
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule finds. */
  readonly title: string;
  /** A short paragraph: why it matters and what libvirt or the guest does about it. */
  readonly explanation: string;
  /** The matching section of libvirt's documentation (formatdomain, formatnetwork, formatstorage). */
  readonly docs: string;
  /**
   * A generic check (the schema): it runs after the specific rules and drops a problem where one of them already
   * reported, so that a value is explained once, by the rule that knows most about it.
   */
  readonly yieldsToSpecificRules?: boolean;
  check(context: RuleContext<M, C>): void;
}
