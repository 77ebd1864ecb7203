import { messages } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { NETWORK_DOCS } from '../../libvirtDocs';
import { requiredPartMissing } from '../../rules/required-part-missing';
import type { Rule } from '../../rules/rule';
import { nameSpan } from '../../xml/xmlTree';
import type { NetworkModel } from '../networkModel';

// Declared under the rule's id (required-part-missing), with keys of their own beside the domain's.
const M = messages('required-part-missing', {
  networkHasNoName: 'The network has no <name>: libvirt refuses the definition ("{libvirtSays}").',
});

/** required-part-missing for networks: libvirt's parser wants a <name>. */
export const networkRequiredParts: Rule<NetworkModel, DocumentFixContext> = {
  ...requiredPartMissing,
  docs: NETWORK_DOCS.general,
  check({ model, report }) {
    if (!model.name)
      report({
        ...nameSpan(model.root),
        message: M.networkHasNoName({ libvirtSays: 'missing name information' }),
      });
  },
};
