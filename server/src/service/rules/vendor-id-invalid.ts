import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DEFAULT_VENDOR_ID } from '../fixes/hypervisorHiding';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { refusedAtDefine as refused } from '../refusals';
import { tagSpan } from '../validation/spans';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('vendor-id-invalid', {
  setValue: "Set the vendor_id value to '{value}'",
  missingValue: "<vendor_id state='on'> needs value='...' (1 to 12 characters)",
  empty: 'The vendor_id value is empty: give 1 to 12 characters.',
  tooLong: "The vendor_id value '{value}' has {length} characters (at most {max})",
  comma: "The vendor_id value '{value}' contains a comma",
});

export const HYPERV_VENDOR_ID_MAX = 12;

export const vendorIdInvalid: Rule = {
  id: 'vendor-id-invalid',
  severity: 'error',
  title: 'The Hyper-V vendor_id value is missing, empty, too long or contains a comma',
  explanation:
    `With <vendor_id state='on'>, value= is the CPUID hypervisor vendor string the guest sees: 1 to ${HYPERV_VENDOR_ID_MAX} ` +
    'characters, no comma. libvirt refuses longer values ("HyperV vendor_id value must not be more than 12 characters") ' +
    'and values with a comma, and a missing value. An empty one hides nothing.',
  docs: DOCS.features,
  check({ model, report }) {
    const vendorId = model.features.vendorId;
    if (!vendorId || attributeValue(vendorId, 'state') !== 'on') return;
    const value = attribute(vendorId, 'value');
    const valid = value?.value.replace(/,/g, '').slice(0, HYPERV_VENDOR_ID_MAX) || DEFAULT_VENDOR_ID;
    const fixes = (context: FixContext): Fix[] => [
      { title: M.setValue({ value: valid }), edits: [setAttribute(vendorId, 'value', valid, context)], preferred: true },
    ];
    if (!value) {
      report({
        ...tagSpan(vendorId),
        message: refused(M.missingValue(), "missing 'value' attribute for HyperV feature 'vendor_id'"),
        fixes,
      });
    } else if (value.value.length === 0) {
      report({ ...valueSpan(value), message: M.empty(), fixes });
    } else if (value.value.length > HYPERV_VENDOR_ID_MAX) {
      report({
        ...valueSpan(value),
        message: refused(
          M.tooLong({ value: value.value, length: value.value.length, max: HYPERV_VENDOR_ID_MAX }),
          `HyperV vendor_id value must not be more than ${HYPERV_VENDOR_ID_MAX} characters.`,
        ),
        fixes,
      });
    } else if (value.value.includes(',')) {
      report({
        ...valueSpan(value),
        message: refused(M.comma({ value: value.value }), 'HyperV vendor_id value is invalid'),
        fixes,
      });
    }
  },
};
