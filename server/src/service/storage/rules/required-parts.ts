import { setAttribute } from '../../edits/xmlEdits';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import { requiredPartMissing } from '../../rules/required-part-missing';
import type { Rule } from '../../rules/rule';
import { firstChild, nameSpan, textOf } from '../../xml/xmlTree';
import type { StoragePoolModel, StorageVolumeModel } from '../storageModel';

/** Pool types whose name may come from <source><name> instead of <name>. */
const NAMED_BY_SOURCE = new Set(['logical', 'rbd', 'sheepdog', 'gluster', 'zfs', 'vstorage']);

/** required-part-missing for storage pools: type= and a name. */
export const poolRequiredParts: Rule<StoragePoolModel, DocumentFixContext> = {
  ...requiredPartMissing,
  docs: STORAGE_DOCS.poolGeneral,
  check({ model, report }) {
    if (!model.type)
      report({
        ...nameSpan(model.root),
        message:
          "<pool> has no type=: libvirt refuses the definition (\"Missing required attribute 'type' in element 'pool'\"). Use type='dir' for a directory of image files.",
        fixes: (context) => [{ title: "Add type='dir'", edits: [setAttribute(model.root, 'type', 'dir', context)], preferred: true }],
      });
    const type = model.type?.value ?? '';
    if (!model.name && !(NAMED_BY_SOURCE.has(type) && textOf(firstChild(model.source, 'name'))))
      report({
        ...nameSpan(model.root),
        message: 'The pool has no <name>: libvirt refuses the definition ("missing pool source name element").',
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
        message: 'The volume has no <name>: libvirt refuses to create it ("missing volume name element").',
      });
    const backing = textOf(firstChild(firstChild(model.root, 'backingStore'), 'path'));
    if (!textOf(model.capacity) && !backing)
      report({
        ...nameSpan(model.capacity ?? model.root),
        message: 'The volume has no <capacity>: libvirt refuses to create it ("missing capacity element").',
      });
  },
};
