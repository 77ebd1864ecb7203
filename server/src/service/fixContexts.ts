// What fixes are given, per document kind: every kind's the text, its style, the parsed document and the host; a
// domain's also its model and a PCI address planner over it.

import { documentStyle } from './edits/documentStyle';
import type { HostFacts } from './hostFacts';
import type { DocumentFixContext, DocumentModel, FixContext, ServiceEnvironment } from './languageTypes';
import type { DomainModel } from './model/domainModel';
import { createPciAddressPlanner } from './planner/pciAddressPlanner';
import type { XmlDocument } from './xml/xmlTree';

export type FixContextBuilder = (
  xml: XmlDocument,
  definition: DocumentModel,
  host: HostFacts,
  environment: ServiceEnvironment,
) => DocumentFixContext;

function plain(xml: XmlDocument, _definition: DocumentModel, host: HostFacts, environment: ServiceEnvironment): DocumentFixContext {
  return { text: xml.text, style: documentStyle(xml), document: xml, host, randomUuid: () => environment.randomUuid() };
}

function domain(xml: XmlDocument, definition: DocumentModel, host: HostFacts, environment: ServiceEnvironment): FixContext {
  const model = definition as DomainModel;
  return {
    ...plain(xml, definition, host, environment),
    model,
    planner: (moving = []) => createPciAddressPlanner(model, moving),
  };
}

export const codeActionContext = { plain, domain } as const;
