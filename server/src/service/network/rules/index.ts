// The network rules, in the order their diagnostics are listed. Rule ids are public interface: never rename one.

import type { DocumentFixContext, DocumentModel } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { schemaRule } from '../../rules/schema';
import { xmlSyntax } from '../../rules/xml-syntax';
import { networkSchema } from '../../schema/libvirtSchema';

/** The network's schema rule: values outside the schema are errors only where net-define was seen to refuse them. */
const networkSchemaRule = schemaRule({
  schema: networkSchema,
  label: 'network',
  docs: NETWORK_DOCS.overview,
  refusedValues: new Set(),
});

export const NETWORK_RULES: readonly Rule<DocumentModel, DocumentFixContext>[] = [xmlSyntax, networkSchemaRule];
