// The storage pool and volume rules, in the order their diagnostics are listed. Rule ids are public interface.

import type { DocumentFixContext, DocumentModel } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { schemaRule } from '../../rules/schema';
import { xmlSyntax } from '../../rules/xml-syntax';
import { storagePoolSchema, storageVolSchema } from '../../schema/libvirtSchema';

/** The pool's schema rule: values outside the schema are errors only where pool-define was seen to refuse them. */
const poolSchemaRule = schemaRule({
  schema: storagePoolSchema,
  label: 'storage pool',
  docs: STORAGE_DOCS.pool,
  refusedValues: new Set(),
});

/** The volume's schema rule: values outside the schema are errors only where vol-create was seen to refuse them. */
const volumeSchemaRule = schemaRule({
  schema: storageVolSchema,
  label: 'storage volume',
  docs: STORAGE_DOCS.volume,
  refusedValues: new Set(),
});

export const STORAGE_POOL_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = [xmlSyntax, poolSchemaRule];

export const STORAGE_VOLUME_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = [xmlSyntax, volumeSchemaRule];
