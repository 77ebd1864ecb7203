// The language service's shared types (like json-languageservice's jsonLanguageTypes.ts): what callers hand in and
// get back, and what rules, fixes and tweaks exchange. Types and constants only; it imports nothing that runs.

import type { Locale } from '../l10n/locale';
import type { Text } from '../l10n/message';
import type { EditContext, OffsetEdit } from './edits/xmlEdits';
import type { HostFacts } from './hostFacts';
import type { Device, DomainModel } from './model/domainModel';
import type { PciAddressPlanner } from './planner/pciAddressPlanner';
import type { XmlDocument, XmlElement } from './xml/xmlTree';

/** The `source` of every diagnostic the service reports. */
export const DIAGNOSTIC_SOURCE = 'libvirt';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** What a user may set a rule to. */
export type RuleSetting = Severity | 'off';

export interface LintSettings {
  /** Per-rule severity or 'off', by rule id. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Overrides the host architecture (e.g. to lint for another machine). */
  readonly hostArch?: string;
  /** The language of messages and fix titles (English by default). Codes and positions are the same in every one. */
  readonly locale?: Locale;
}

/** What the service needs from the world around it: the host's facts as known now, and randomness. */
export interface ServiceEnvironment {
  /**
   * The host facts known at the time of the call (they may arrive later than the first request, and change). Return
   * the same object until they change: the service keeps a document's problems for as long as the facts are the same.
   * `documentUri` names the document asked about: each document may be for another connection's host.
   */
  hostFacts(documentUri: string): HostFacts;
  /** A fresh random UUID, for fixes that write one (tests pin it). */
  randomUuid(): string;
  /**
   * The networks and pools the workspace defines, for checks across documents (the same object until they change).
   * Without it, a document is checked alone.
   */
  workspace?(): WorkspaceDefinitions;
}

/** What every kind's model has: the root element it was built from. */
export interface DocumentModel {
  readonly root: XmlElement;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface RelatedSpan extends Span {
  readonly message: Text;
}

/** One quick fix or tweak: a title and the edits that do it. */
export interface Fix {
  readonly title: Text;
  readonly edits: readonly OffsetEdit[];
  /** The fix an editor applies for "fix all" / auto-fix: the safe, expected one. */
  readonly preferred?: boolean;
  /** A first step that prepares the real fix (the problem stays until the user takes the next one). */
  readonly step?: boolean;
}

/** What a fix of any document kind may use: the text, its style, the parsed document, the host. */
export interface DocumentFixContext extends EditContext {
  readonly document: XmlDocument;
  readonly host: HostFacts;
  /** A fresh random UUID. */
  randomUuid(): string;
}

/** What a domain's fixes and tweaks use besides: the domain's model and its PCI address planner. */
export interface FixContext extends DocumentFixContext {
  readonly model: DomainModel;
  /** A planner that ignores the current addresses of `moving` (the devices the fix relocates). */
  planner(moving?: readonly Device[]): PciAddressPlanner;
}

export interface WorkspaceNetwork {
  readonly name: string;
  /** The document that defines it. */
  readonly uri: string;
  /** Its DHCP static hosts: MAC (normalised), name and address as written. */
  readonly hosts: readonly { readonly mac?: string; readonly name?: string; readonly ip?: string }[];
}

export interface WorkspacePool {
  readonly name: string;
  readonly uri: string;
  readonly type?: string;
}

export interface WorkspaceDefinitions {
  readonly networks: readonly WorkspaceNetwork[];
  readonly pools: readonly WorkspacePool[];
}

export const NO_WORKSPACE: WorkspaceDefinitions = { networks: [], pools: [] };
