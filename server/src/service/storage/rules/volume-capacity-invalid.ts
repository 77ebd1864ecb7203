import { messages } from '../../../l10n/message';
import type { DocumentFixContext } from '../../languageTypes';
import { STORAGE_DOCS } from '../../libvirtDocs';
import type { Rule } from '../../rules/rule';
import { attribute, attributeValue, nameSpan, textOf, valueSpan } from '../../xml/xmlTree';
import { refusedAtDefine } from '../storageMessages';
import type { StorageVolumeModel } from '../storageModel';
import { parseStorageSize } from '../storageSizes';

const M = messages('volume-capacity-invalid', {
  notWholeNumberOf: "'{value}' is not a whole number of {unit}",
  notWholeNumberOfBytes: "'{value}' is not a whole number of bytes",
  unknownUnit: "'{unit}' is not a unit libvirt knows (bytes, KiB, MiB, GiB, TiB, KB, MB, GB…)",
  capacityTooLarge: 'The capacity is 8 EiB or more',
  allocationTooLarge: 'The allocation is 8 EiB or more',
});

export const volumeCapacityInvalid: Rule<StorageVolumeModel, DocumentFixContext> = {
  id: 'volume-capacity-invalid',
  severity: 'error',
  title: "A volume's <capacity> or <allocation> that is not a whole number, has an unknown unit, or exceeds 8 EiB",
  explanation:
    "libvirt reads a volume's <capacity> and <allocation> as a whole number of unit= (bytes by default; k or KiB = " +
    '1024, KB = 1000, up to E), and refuses a negative, fractional or otherwise malformed value ("malformed capacity ' +
    'element", even for the allocation), a unit it does not know ("unknown suffix") and a size of 2^63 bytes or more.',
  docs: STORAGE_DOCS.volumeGeneral,
  check({ model, report }) {
    for (const element of [model.capacity, model.allocation]) {
      if (!element || !textOf(element)) continue;
      const unit = attribute(element, 'unit');
      const size = parseStorageSize(element.text, attributeValue(element, 'unit'));
      if ('malformed' in size)
        report({
          start: element.textStart,
          end: element.textEnd,
          message: refusedAtDefine(
            unit?.value
              ? M.notWholeNumberOf({ value: element.text.trim(), unit: unit.value })
              : M.notWholeNumberOfBytes({ value: element.text.trim() }),
            'malformed capacity element',
            'storage volume',
          ),
        });
      else if ('unknownUnit' in size)
        report({
          ...valueSpan(unit!),
          message: refusedAtDefine(M.unknownUnit({ unit: size.unknownUnit }), `unknown suffix '${size.unknownUnit}'`, 'storage volume'),
        });
      else if ('tooLarge' in size)
        report({
          ...nameSpan(element),
          message: refusedAtDefine(
            element === model.capacity ? M.capacityTooLarge() : M.allocationTooLarge(),
            `value too large: ${size.tooLarge}`,
            'storage volume',
          ),
        });
    }
  },
};
