// Completion and hover for domain XML: libvirt's domain schema, our documentation of its elements, the usual values.

import { DOMAIN_USUAL_VALUES } from '../completion/usualValues';
import { domainDocFor } from './elementDocs';
import { domainSchema } from './libvirtSchema';
import type { SchemaGuide } from './schemaGuide';

export const DOMAIN_GUIDE: SchemaGuide = { schema: domainSchema, docFor: domainDocFor, usual: DOMAIN_USUAL_VALUES };
