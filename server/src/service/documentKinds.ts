// The document kinds the service serves, in one table: per kind its root element, schema and documentation
// (completion, hover), model, rules, and how libvirt's tools take it (virsh's define verb, virt-xml-validate's
// type). A document whose root is none of these gets nothing. Adding a kind (nwfilter, secret) is one entry here
// plus its model, guide and rules.

import { codeActionContext, type FixContextBuilder } from './fixContexts';
import type { DocumentFixContext, DocumentModel } from './languageTypes';
import { FORMAT_DOMAIN, FORMAT_NETWORK, FORMAT_STORAGE } from './libvirtDocs';
import { buildDomainModel } from './model/domainModel';
import { NETWORK_GUIDE } from './network/networkGuide';
import { buildNetworkModel } from './network/networkModel';
import { NETWORK_RULES } from './network/rules';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import { DOMAIN_GUIDE } from './schema/domainGuide';
import type { SchemaGuide } from './schema/schemaGuide';
import { STORAGE_POOL_RULES, STORAGE_VOLUME_RULES } from './storage/rules';
import { STORAGE_POOL_GUIDE, STORAGE_VOLUME_GUIDE } from './storage/storageGuide';
import { buildStoragePoolModel, buildStorageVolumeModel } from './storage/storageModel';
import type { XmlElement } from './xml/xmlTree';

export type DocumentKindId = 'domain' | 'network' | 'pool' | 'volume';

export interface DocumentKind {
  readonly id: DocumentKindId;
  /** The root element that makes a document this kind. */
  readonly root: string;
  /** How messages and commands name it. */
  readonly label: string;
  /** libvirt's documentation page of its XML. */
  readonly docs: string;
  readonly guide: SchemaGuide;
  buildModel(root: XmlElement): DocumentModel | undefined;
  /** Its rules, in the order their diagnostics are listed (xml-syntax first, the schema among them). */
  readonly rules: readonly Rule<DocumentModel, DocumentFixContext>[];
  /** What its fixes are given (a domain's get its model and PCI planner besides). */
  readonly fixContext: FixContextBuilder;
  /** virsh's verb that defines it from a file (volumes are created in a pool: vol-create). */
  readonly defineVerb: 'define' | 'net-define' | 'pool-define' | 'vol-create';
  /** virt-xml-validate's name of its schema. */
  readonly validateAs: 'domain' | 'network' | 'storagepool' | 'storagevol';
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  {
    id: 'domain',
    root: 'domain',
    label: 'domain',
    docs: FORMAT_DOMAIN,
    guide: DOMAIN_GUIDE,
    buildModel: buildDomainModel,
    rules: RULES,
    fixContext: codeActionContext.domain,
    defineVerb: 'define',
    validateAs: 'domain',
  },
  {
    id: 'network',
    root: 'network',
    label: 'network',
    docs: FORMAT_NETWORK,
    guide: NETWORK_GUIDE,
    buildModel: buildNetworkModel,
    rules: NETWORK_RULES,
    fixContext: codeActionContext.plain,
    defineVerb: 'net-define',
    validateAs: 'network',
  },
  {
    id: 'pool',
    root: 'pool',
    label: 'storage pool',
    docs: FORMAT_STORAGE,
    guide: STORAGE_POOL_GUIDE,
    buildModel: buildStoragePoolModel,
    rules: STORAGE_POOL_RULES,
    fixContext: codeActionContext.plain,
    defineVerb: 'pool-define',
    validateAs: 'storagepool',
  },
  {
    id: 'volume',
    root: 'volume',
    label: 'storage volume',
    docs: FORMAT_STORAGE,
    guide: STORAGE_VOLUME_GUIDE,
    buildModel: buildStorageVolumeModel,
    rules: STORAGE_VOLUME_RULES,
    fixContext: codeActionContext.plain,
    defineVerb: 'vol-create',
    validateAs: 'storagevol',
  },
];

const BY_ROOT = new Map(DOCUMENT_KINDS.map((kind) => [kind.root, kind]));

/** The kind a document's root element names; undefined when it is none of libvirt's. */
export function kindOfRoot(root: XmlElement | undefined): DocumentKind | undefined {
  return root ? BY_ROOT.get(root.name) : undefined;
}

/** Every rule once (xml-syntax and schema serve every kind under one id), domains' first. */
export const ALL_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = DOCUMENT_KINDS.flatMap((kind) => kind.rules).filter(
  (rule, index, rules) => rules.findIndex((other) => other.id === rule.id) === index,
);

export const ALL_RULES_BY_ID: ReadonlyMap<string, Rule<DocumentModel, DocumentFixContext>> = new Map(
  ALL_RULES.map((rule) => [rule.id, rule]),
);
