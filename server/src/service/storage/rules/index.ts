// The storage pool and volume rules, in the order their diagnostics are listed. Rule ids are public interface.

import type { DocumentFixContext, DocumentModel } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { schemaRule } from '../../rules/schema';
import { xmlSyntax } from '../../rules/xml-syntax';
import { storagePoolSchema, storageVolSchema } from '../../schema/libvirtSchema';
import { poolFormatMismatch } from './pool-format-mismatch';
import { poolSourceMissing } from './pool-source-missing';
import { poolTargetMissing } from './pool-target-missing';
import { poolRequiredParts, volumeRequiredParts } from './required-parts';
import { storagePermissionsInvalid } from './storage-permissions-invalid';
import { volumeAllocationExceedsCapacity } from './volume-allocation-exceeds-capacity';
import { volumeCapacityInvalid } from './volume-capacity-invalid';
import { volumeFormatInvalid } from './volume-format-invalid';
import { volumeOptionUnsupported } from './volume-option-unsupported';

/** Permissions are the storage rules' own (their refusals are pinned there). */
const PERMISSIONS = new Set(['mode', 'owner', 'group']);

/** The pool's schema rule: pool-define does not validate against storagepool.rng; errors only where its parser refuses. */
const poolSchemaRule = schemaRule({
  schema: storagePoolSchema,
  label: 'storage pool',
  docs: STORAGE_DOCS.pool,
  ownedAttributes: new Map([
    ['pool', new Set(['type'])],
    ['format', new Set(['type'])],
  ]),
  ownedTexts: PERMISSIONS,
  refusedValues: new Set(['device@part_separator', 'adapter@type', 'adapter@managed', 'cow@state', 'auth@type']),
});

/** The volume's schema rule: vol-create does not validate against storagevol.rng; errors only where its parser refuses. */
const volumeSchemaRule = schemaRule({
  schema: storageVolSchema,
  label: 'storage volume',
  docs: STORAGE_DOCS.volume,
  ownedAttributes: new Map([
    ['format', new Set(['type'])],
    ['capacity', new Set(['unit'])],
    ['allocation', new Set(['unit'])],
    ['encryption', new Set(['format'])],
  ]),
  ownedTexts: new Set([...PERMISSIONS, 'capacity', 'allocation', 'compat']),
  refusedValues: new Set(['volume@type', 'encryption@engine']),
});

export const STORAGE_POOL_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = [
  xmlSyntax,
  poolRequiredParts,
  poolTargetMissing,
  poolSourceMissing,
  poolFormatMismatch,
  storagePermissionsInvalid,
  poolSchemaRule,
];

export const STORAGE_VOLUME_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = [
  xmlSyntax,
  volumeRequiredParts,
  volumeCapacityInvalid,
  volumeAllocationExceedsCapacity,
  volumeFormatInvalid,
  volumeOptionUnsupported,
  storagePermissionsInvalid,
  volumeSchemaRule,
];
