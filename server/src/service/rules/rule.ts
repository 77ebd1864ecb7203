// What a rule is: an id users configure and suppress by, a default severity, an explanation, a link to
// libvirt's documentation, and a check that reports problems as offsets into the document.

import type { EditContext, OffsetEdit } from '../edits/xmlEdits';
import type { HostFacts } from '../hostFacts';
import type { Device, DomainModel } from '../model/domainModel';
import type { PciAddressPlanner } from '../planner/pciAddressPlanner';
import type { XmlDocument } from '../xml/xmlTree';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RelatedSpan extends Span {
  readonly message: string;
}

export interface Problem extends Span {
  readonly message: string;
  /** This problem's severity when it differs from the rule's default (a user's setting for the rule wins). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedSpan[];
  /** Quick fixes, computed only when an editor asks for them. */
  readonly fixes?: (context: FixContext) => Fix[];
}

/** One quick fix: a title and the edits that make the problem go away. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The fix an editor applies for "fix all" / auto-fix: the safe, expected one. */
  readonly preferred?: boolean;
  /** A first step that prepares the real fix (the problem stays until the user takes the next one). */
  readonly step?: boolean;
}

export interface FixContext extends EditContext {
  readonly model: DomainModel;
  readonly document: XmlDocument;
  readonly host: HostFacts;
  /** A planner that ignores the current addresses of `moving` (the devices the fix relocates). */
  planner(moving?: readonly Device[]): PciAddressPlanner;
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
