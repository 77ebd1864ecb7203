import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import { requiredPartMissing } from '../../rules/required-part-missing';
import type { Rule } from '../../rules/rule';
import { nameSpan } from '../../xml/xmlTree';
import type { NetworkModel } from '../networkModel';

/** required-part-missing for networks: libvirt's parser wants a <name>. */
export const networkRequiredParts: Rule<NetworkModel, DocumentFixContext> = {
  ...requiredPartMissing,
  docs: NETWORK_DOCS.general,
  check({ model, report }) {
    if (!model.name)
      report({
        ...nameSpan(model.root),
        message: 'The network has no <name>: libvirt refuses the definition ("missing name information").',
      });
  },
};
