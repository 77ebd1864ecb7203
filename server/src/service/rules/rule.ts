// What a rule is: an id users configure and suppress by, a default severity, an explanation, a link to
// libvirt's documentation, and a check that reports problems as offsets into the document.

import type { HostFacts } from '../hostFacts';
import type { Fix, FixContext, RelatedSpan, Severity, Span } from '../languageTypes';
import type { DomainModel } from '../model/domainModel';
import type { XmlDocument } from '../xml/xmlTree';

export interface Problem extends Span {
  readonly message: string;
  /** This problem's severity when it differs from the rule's default (a user's setting for the rule wins). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedSpan[];
  /** Quick fixes, computed only when an editor asks for them. */
  readonly fixes?: (context: FixContext) => Fix[];
}

export interface RuleContext {
  readonly model: DomainModel;
  readonly document: XmlDocument;
  readonly host: HostFacts;
  report(problem: Problem): void;
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule finds. */
  readonly title: string;
  /** A short paragraph: why it matters and what libvirt or the guest does about it. */
  readonly explanation: string;
  /** The matching section of libvirt's formatdomain documentation. */
  readonly docs: string;
  /**
   * A generic check (the schema): it runs after the specific rules and drops a problem where one of them already
   * reported, so that a value is explained once, by the rule that knows most about it.
   */
  readonly yieldsToSpecificRules?: boolean;
  check(context: RuleContext): void;
}
