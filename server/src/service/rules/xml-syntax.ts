import type { DocumentFixContext, DocumentModel } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import type { Rule } from './rule';

/** Every document kind's first rule. */
export const xmlSyntax: Rule<DocumentModel, DocumentFixContext> = {
  id: 'xml-syntax',
  severity: 'error',
  title: 'The document is not well-formed XML',
  explanation:
    'libvirt parses its XML (domains, networks, pools, volumes) with libxml2 and rejects a document that is not well-formed as a whole, ' +
    'reporting only the first problem. Every syntax error is shown here at its place; the rest of the document is ' +
    'still analysed as far as it can be read.',
  docs: DOCS.overview,
  check({ document, report }) {
    for (const error of document.errors) {
      const repair = error.repair;
      report({
        start: error.start,
        end: error.end,
        message: error.message,
        fixes: repair
          ? () => [{ title: repair.title, edits: [{ start: repair.start, end: repair.end, newText: repair.newText }], preferred: true }]
          : undefined,
      });
    }
  },
};
