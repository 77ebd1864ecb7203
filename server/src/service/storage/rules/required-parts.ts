import { messages } from '../../../l10n/message';
import { setAttribute } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import { requiredPartMissing } from '../../rules/required-part-missing';
import type { Rule } from '../../rules/rule';
import { firstChild, nameSpan, textOf } from '../../xml/xmlTree';
import type { StoragePoolModel, StorageVolumeModel } from '../storageModel';

/** Pool types whose name may come from <source><name> instead of <name>. */
const NAMED_BY_SOURCE = new Set(['logical', 'rbd', 'sheepdog', 'gluster', 'zfs', 'vstorage']);

// Declared under the rule's id (required-part-missing), with keys of their own beside the domain's.
const M = messages('required-part-missing', {
  poolHasNoType: '<pool> has no type=: libvirt refuses the definition ("{libvirtSays}"). Use type=\'dir\' for a directory of image files.',
  poolAddTypeDir: "Add type='dir'",
  poolHasNoName: 'The pool has no <name>: libvirt refuses the definition ("{libvirtSays}").',
  volumeHasNoName: 'The volume has no <name>: libvirt refuses to create it ("{libvirtSays}").',
  volumeHasNoCapacity: 'The volume has no <capacity>: libvirt refuses to create it ("{libvirtSays}").',
});

/** required-part-missing for storage pools: type= and a name. */
export const poolRequiredParts: Rule<StoragePoolModel, DocumentFixContext> = {
  ...requiredPartMissing,
  docs: STORAGE_DOCS.poolGeneral,
  check({ model, report }) {
    if (!model.type)
      report({
        ...nameSpan(model.root),
        message: M.poolHasNoType({ libvirtSays: "Missing required attribute 'type' in element 'pool'" }),
        fixes: (context) => [{ title: M.poolAddTypeDir(), edits: [setAttribute(model.root, 'type', 'dir', context)], preferred: true }],
      });
    const type = model.type?.value ?? '';
    if (!model.name && !(NAMED_BY_SOURCE.has(type) && textOf(firstChild(model.source, 'name'))))
      report({
        ...nameSpan(model.root),
        message: M.poolHasNoName({ libvirtSays: 'missing pool source name element' }),
      });
  },
};

/** required-part-missing for storage volumes: a name, and a capacity unless a backing image gives it. */
export const volumeRequiredParts: Rule<StorageVolumeModel, DocumentFixContext> = {
  ...requiredPartMissing,
  docs: STORAGE_DOCS.volumeGeneral,
  check({ model, report }) {
    if (!model.name)
      report({
        ...nameSpan(model.root),
        message: M.volumeHasNoName({ libvirtSays: 'missing volume name element' }),
      });
    const backing = textOf(firstChild(firstChild(model.root, 'backingStore'), 'path'));
    if (!textOf(model.capacity) && !backing)
      report({
        ...nameSpan(model.capacity ?? model.root),
        message: M.volumeHasNoCapacity({ libvirtSays: 'missing capacity element' }),
      });
  },
};
