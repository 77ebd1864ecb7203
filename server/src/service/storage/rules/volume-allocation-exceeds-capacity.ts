import { messages, type Text } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import { formatBytes } from '../../model/sizeUnits';
import type { Rule } from '../../rules/rule';
import { attributeValue, nameSpan } from '../../xml/xmlTree';
import type { StorageVolumeModel } from '../storageModel';
import { parseStorageSize } from '../storageSizes';

const M = messages('volume-allocation-exceeds-capacity', {
  rawFileGrows:
    'The allocation ({allocation}) is above the capacity ({capacity}): libvirt accepts it and writes a raw file of {allocation}, whose capacity becomes {allocation}.',
  allocationIgnored:
    'The allocation ({allocation}) is above the capacity ({capacity}): libvirt accepts it and ignores the allocation of a {format} image.',
  theCapacity: 'The capacity',
  bytes: '{count} bytes',
});

export const volumeAllocationExceedsCapacity: Rule<StorageVolumeModel, DocumentFixContext> = {
  id: 'volume-allocation-exceeds-capacity',
  severity: 'warning',
  title: "A volume's <allocation> larger than its <capacity>",
  explanation:
    'libvirt accepts an allocation above the capacity, but does not keep both: a raw file is written to the ' +
    "allocation's size and its capacity becomes that size; a qcow2 image ignores the allocation.",
  docs: STORAGE_DOCS.volumeGeneral,
  check({ model, report }) {
    if (!model.capacity || !model.allocation) return;
    const capacity = parseStorageSize(model.capacity.text, attributeValue(model.capacity, 'unit'));
    const allocation = parseStorageSize(model.allocation.text, attributeValue(model.allocation, 'unit'));
    if (!('bytes' in capacity) || !('bytes' in allocation) || allocation.bytes <= capacity.bytes) return;
    const raw = !model.format || model.format.value === 'raw' || model.format.value === '';
    const human = (bytes: bigint): Text => (bytes < 2n ** 53n ? formatBytes(Number(bytes)) : M.bytes({ count: String(bytes) }));
    const sizes = { allocation: human(allocation.bytes), capacity: human(capacity.bytes) };
    report({
      ...nameSpan(model.allocation),
      message: raw ? M.rawFileGrows(sizes) : M.allocationIgnored({ ...sizes, format: model.format!.value }),
      related: [{ ...nameSpan(model.capacity), message: M.theCapacity() }],
    });
  },
};
