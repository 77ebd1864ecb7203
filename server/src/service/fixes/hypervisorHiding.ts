// Fixes that hide the hypervisor from a guest's drivers: a Hyper-V vendor_id and <kvm><hidden state='on'/>.

import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, setAttribute } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { FixContext } from '../languageTypes';
import type { DomainModel } from '../model/domainModel';
import { attributeValue, firstChild } from '../xml/xmlTree';
import { addToFeatures } from './domainElements';

/** The vendor string the seed uses: 12 characters, what libvirt allows at most. */
export const DEFAULT_VENDOR_ID = '0123456789ab';

/** Adds <vendor_id state='on' value='…'/> to <hyperv>, creating <hyperv> when needed. */
export function addVendorIdEdits(model: DomainModel, context: FixContext): OffsetEdit[] {
  const vendorId: ElementSpec = {
    name: 'vendor_id',
    attributes: [
      ['state', 'on'],
      ['value', DEFAULT_VENDOR_ID],
    ],
  };
  const existing = model.features.vendorId;
  if (existing)
    return [
      setAttribute(existing, 'state', 'on', context),
      setAttribute(existing, 'value', attributeValue(existing, 'value') || DEFAULT_VENDOR_ID, context),
    ];
  if (model.features.hyperv) return [insertChild(model.features.hyperv, vendorId, context)];
  return [addToFeatures(model, { name: 'hyperv', children: [vendorId] }, context)];
}

/** Makes <kvm><hidden state='on'/></kvm> true with the least change. */
export function hideKvmEdits(model: DomainModel, context: FixContext): OffsetEdit[] {
  const kvm = model.features.kvm;
  const hidden = firstChild(kvm, 'hidden');
  if (hidden) return attributeValue(hidden, 'state') === 'on' ? [] : [setAttribute(hidden, 'state', 'on', context)];
  const spec: ElementSpec = { name: 'hidden', attributes: [['state', 'on']] };
  if (kvm) return [insertChild(kvm, spec, context)];
  return [addToFeatures(model, { name: 'kvm', children: [spec] }, context)];
}
