// What the service made of a document's text: the parsed XML, the kind its root names and that kind's model.

import type { DocumentKind } from './documentKinds';
import type { DocumentModel } from './languageTypes';
import type { DomainModel } from './model/domainModel';
import type { XmlDocument } from './xml/xmlTree';

export interface AnalysedDocument {
  readonly xml: XmlDocument;
  /** The kind its root element names (domain, network, pool, volume); undefined when it is none of libvirt's. */
  readonly kind: DocumentKind | undefined;
  /** The kind's model of the document (a DomainModel for a domain, a NetworkModel for a network...). */
  readonly definition: DocumentModel | undefined;
  /** The domain's model, for a domain document. */
  readonly model: DomainModel | undefined;
}
