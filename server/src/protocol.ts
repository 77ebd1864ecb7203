// The contract between the language server and its clients (the VS Code extension imports this file): the
// settings section, workspace/executeCommand ids with their arguments and replies, and the notifications. A leaf:
// the server's handlers are typed by it, so a change shows up in both at compile time.

export { DIAGNOSTIC_SOURCE } from './service/languageTypes';

/** The settings section, in workspace/configuration and in VS Code's settings.json. */
export const SETTINGS_SECTION = 'libvirt';

/** libvirt.commandTimeoutSeconds when unset. */
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 30;

/** The settings section as clients send it (every field optional; the server checks each one). */
export interface LibvirtSettings {
  readonly connectionUri?: string;
  readonly virshPath?: string;
  readonly commandTimeoutSeconds?: number;
  readonly rules?: Readonly<Record<string, string>>;
  readonly hostArch?: string;
  readonly inlayHints?: boolean;
  /** libvirt.language: auto (the editor's display language), en or zh-cn. */
  readonly language?: string;
  /** libvirt.connections: the connections the explorer shows and libvirt: documents name. */
  readonly connections?: readonly LibvirtConnectionSetting[];
}

/** One entry of libvirt.connections. */
export interface LibvirtConnectionSetting {
  readonly name: string;
  readonly uri: string;
}

/** workspace/executeCommand ids. */
export const COMMANDS = {
  define: 'libvirt.defineDocument',
  validate: 'libvirt.validateDocument',
  dumpXml: 'libvirt.dumpXml',
  list: 'libvirt.listDomains',
  start: 'libvirt.startDomain',
  shutdown: 'libvirt.shutdownDomain',
  domainName: 'libvirt.domainName',
  refreshHost: 'libvirt.refreshHost',
  hostReport: 'libvirt.hostReport',
  listObjects: 'libvirt.listObjects',
  readObject: 'libvirt.readObject',
  saveObject: 'libvirt.saveObject',
  objectAction: 'libvirt.objectAction',
  compareWithLive: 'libvirt.compareDocumentWithLive',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Client → server notifications. */
export const NOTIFICATIONS = {
  /** `{ trusted: boolean }`: VS Code's Workspace Trust changed; untrusted workspaces run no virsh. */
  workspaceTrust: 'libvirt/workspaceTrust',
} as const;

export interface WorkspaceTrustParams {
  readonly trusted?: boolean;
}

/** Every reply says whether it worked and, when not, why (libvirt's own message where it has one). */
export interface CommandReply {
  readonly ok: boolean;
  readonly message: string;
}

/** A virsh run: its output, and how it failed. */
export interface VirshReply extends CommandReply {
  readonly stdout: string;
  readonly stderr: string;
  readonly notFound?: boolean;
  readonly timedOut?: boolean;
  readonly cancelled?: boolean;
}

/** Something libvirt dropped or rewrote when it stored a definition, on its 0-based line of the document. */
export interface DroppedPart {
  readonly kind: 'dropped-element' | 'dropped-attribute' | 'changed-attribute' | 'changed-text' | 'dropped-comment';
  /** Where, as element names from the root: domain/devices/disk/driver. */
  readonly path: string;
  readonly detail: string;
  /** Offsets of the part in the document. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export interface DefineReply extends CommandReply {
  readonly name?: string;
  /** What was defined (a domain, network or pool) or created (a volume). */
  readonly kind?: LiveKind;
  readonly stderr: string;
  readonly differences: readonly DroppedPart[];
  /** The XML libvirt stored, to show beside the file. */
  readonly stored?: string;
}

export interface SchemaProblemReply {
  /** 1-based line, as virt-xml-validate prints it (0 when it names none). */
  readonly line: number;
  readonly message: string;
}

export interface ValidateReply extends CommandReply {
  readonly problems: readonly SchemaProblemReply[];
}

export type DomainState = 'running' | 'paused' | 'shut off';

export interface DomainEntry {
  readonly name: string;
  readonly state: DomainState;
}

export type ListReply = { readonly ok: true; readonly domains: readonly DomainEntry[] } | { readonly ok: false; readonly message: string };

/** What a refresh of the connection's host facts found. */
export interface RefreshHostReply extends CommandReply {
  /** The connection URI (empty: virsh's default). */
  readonly uri: string;
  /** A one-line summary of the facts: arch, CPUs, memory, PCI devices, IOMMU. */
  readonly summary?: string;
}

/** The passthrough readiness report of a document's domain on the connection's host. */
export interface HostReportReply extends CommandReply {
  readonly markdown?: string;
}

/** A document's <name> and the kind of libvirt object it defines. */
export type DomainNameReply =
  | { readonly ok: true; readonly name: string; readonly kind: LiveKind }
  | { readonly ok: false; readonly message: string };

/** What the explorer and libvirt: documents show: domains, networks, storage pools and their volumes. */
export type LiveKind = 'domain' | 'network' | 'pool' | 'volume';

/** Domains: running, paused, shut off; networks and pools: active, inactive; volumes: volume. */
export type LiveState = DomainState | 'active' | 'inactive' | 'volume';

export interface LiveObject {
  readonly name: string;
  readonly state: LiveState;
}

/** An object on a connection. */
export interface LiveTarget {
  /** The connection URI (empty: virsh's default). */
  readonly connection: string;
  readonly kind: LiveKind;
  readonly name: string;
  /** Volumes: their pool. */
  readonly pool?: string;
}

export type ListObjectsReply =
  | { readonly ok: true; readonly objects: readonly LiveObject[] }
  | { readonly ok: false; readonly message: string };

export interface SaveObjectRequest {
  readonly target: LiveTarget;
  /** The XML to define. */
  readonly text: string;
  /** The stored XML the text was edited from: a save is refused when the live definition is no longer this. */
  readonly base?: string;
  /** Define even though the live definition changed since `base` (the user chose Overwrite). */
  readonly force?: boolean;
}

export interface SaveObjectReply extends CommandReply {
  readonly stderr: string;
  /** Refused because the live definition changed since `base`: what it is now. */
  readonly conflict?: { readonly current: string };
  /** Refused because the text renames the object or gives it another UUID. */
  readonly renamed?: { readonly from: string; readonly to: string; readonly what: 'name' | 'uuid' };
  /** What libvirt stored (the new base) and what it dropped or rewrote. */
  readonly stored?: string;
  readonly differences: readonly DroppedPart[];
}

export type LiveAction = 'start' | 'shutdown' | 'destroy' | 'reboot' | 'undefine' | 'undefine-nvram';

export interface ObjectActionRequest {
  readonly target: LiveTarget;
  readonly action: LiveAction;
}

/** A workspace file against the live definition of the domain it names on a connection. */
export interface CompareWithLiveReply extends CommandReply {
  /** Whether the connection has a domain of that name (when not, there is nothing to compare). */
  readonly exists?: boolean;
  readonly name?: string;
  /** Nothing differs but what libvirt adds or rewrites by itself. */
  readonly same?: boolean;
  /** What differs, one line each: the file's side, then the live side. */
  readonly differences?: readonly string[];
  /** The live definition without libvirt's own additions (addresses, default controllers…), for a diff. */
  readonly liveWithoutAdditions?: string;
}

/** The arguments of each command. */
export interface CommandArguments {
  /** A volume is created in a pool: `pool` names it. */
  [COMMANDS.define]: [documentUri: string, options?: { readonly pool?: string }];
  [COMMANDS.validate]: [documentUri: string];
  [COMMANDS.dumpXml]: [domainName: string];
  [COMMANDS.list]: [];
  [COMMANDS.start]: [domainName: string];
  [COMMANDS.shutdown]: [domainName: string];
  /** The <name> of an open document, read by the server's parser. */
  [COMMANDS.domainName]: [documentUri: string];
  /** Read the host facts of a connection (default: the configured one) again. */
  [COMMANDS.refreshHost]: [connectionUri?: string];
  [COMMANDS.hostReport]: [documentUri: string];
  [COMMANDS.listObjects]: [request: { readonly connection: string; readonly kind: LiveKind; readonly pool?: string }];
  [COMMANDS.readObject]: [target: LiveTarget];
  [COMMANDS.saveObject]: [request: SaveObjectRequest];
  [COMMANDS.objectAction]: [request: ObjectActionRequest];
  [COMMANDS.compareWithLive]: [request: { readonly documentUri: string; readonly connection: string }];
}

/** What each command returns; a refusal (untrusted workspace, no such document) has the same shape, with ok false. */
export interface CommandReplies {
  [COMMANDS.define]: DefineReply;
  [COMMANDS.validate]: ValidateReply;
  [COMMANDS.dumpXml]: VirshReply;
  [COMMANDS.list]: ListReply;
  [COMMANDS.start]: VirshReply;
  [COMMANDS.shutdown]: VirshReply;
  [COMMANDS.domainName]: DomainNameReply;
  [COMMANDS.refreshHost]: RefreshHostReply;
  [COMMANDS.hostReport]: HostReportReply;
  [COMMANDS.listObjects]: ListObjectsReply;
  [COMMANDS.readObject]: VirshReply;
  [COMMANDS.saveObject]: SaveObjectReply;
  [COMMANDS.objectAction]: VirshReply;
  [COMMANDS.compareWithLive]: CompareWithLiveReply;
}
