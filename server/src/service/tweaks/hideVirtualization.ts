// "Hide virtualization from the guest", from the user's notes: host CPU without the hypervisor bit, a Hyper-V
// vendor_id, KVM hidden, and the in-kernel I/O APIC. Adds only what is missing: a second run offers nothing.

import { messages } from '../../l10n/message';
import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, removeElement, setAttribute } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import { AFTER_CPU, addToDomain, addToFeatures } from '../fixes/domainElements';
import { DEFAULT_VENDOR_ID } from '../fixes/hypervisorHiding';
import type { Fix, FixContext } from '../languageTypes';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Tweak } from './tweak';

const M = messages('tweak.hideVirtualization', {
  hide: 'Hide virtualization from the guest (host CPU without the hypervisor bit, vendor_id, KVM hidden)',
});

const HYPERVISOR_OFF: ElementSpec = {
  name: 'feature',
  attributes: [
    ['policy', 'disable'],
    ['name', 'hypervisor'],
  ],
};

export const hideVirtualization: Tweak = {
  offer(context) {
    // <features> comes before <cpu> in libvirt's order; edits at one offset apply in array order.
    const edits = [...featureEdits(context), ...cpuEdits(context)];
    return edits.length ? ([{ title: M.hide(), edits }] satisfies Fix[]) : [];
  },
};

function cpuEdits(context: FixContext): OffsetEdit[] {
  const cpu = context.model.cpu.element;
  if (!cpu) {
    return [
      addToDomain(
        context.model,
        {
          name: 'cpu',
          attributes: [
            ['mode', 'host-passthrough'],
            ['check', 'none'],
          ],
          children: [HYPERVISOR_OFF],
        },
        AFTER_CPU,
        context,
      ),
    ];
  }
  const edits: OffsetEdit[] = [];
  if (attributeValue(cpu, 'mode') !== 'host-passthrough') {
    edits.push(setAttribute(cpu, 'mode', 'host-passthrough', context));
    // A named model means nothing with host-passthrough.
    const model = firstChild(cpu, 'model');
    if (model) edits.push(removeElement(model, context));
  }
  const hypervisor = context.model.cpu.features.find((feature) => attributeValue(feature, 'name') === 'hypervisor');
  if (!hypervisor) edits.push(insertChild(cpu, HYPERVISOR_OFF, context));
  else if (attributeValue(hypervisor, 'policy') !== 'disable') edits.push(setAttribute(hypervisor, 'policy', 'disable', context));
  return edits;
}

function featureEdits(context: FixContext): OffsetEdit[] {
  const { features } = context.model;
  const edits: OffsetEdit[] = [];
  const newChildren: ElementSpec[] = [];
  const vendorId: ElementSpec = {
    name: 'vendor_id',
    attributes: [
      ['state', 'on'],
      ['value', DEFAULT_VENDOR_ID],
    ],
  };
  if (!features.hyperv) newChildren.push({ name: 'hyperv', children: [vendorId] });
  else if (!features.vendorId) edits.push(insertChild(features.hyperv, vendorId, context));
  else if (attributeValue(features.vendorId, 'state') !== 'on') edits.push(setAttribute(features.vendorId, 'state', 'on', context));

  const hidden: ElementSpec = { name: 'hidden', attributes: [['state', 'on']] };
  const hiddenElement = firstChild(features.kvm, 'hidden');
  if (!features.kvm) newChildren.push({ name: 'kvm', children: [hidden] });
  else if (!hiddenElement) edits.push(insertChild(features.kvm, hidden, context));
  else if (attributeValue(hiddenElement, 'state') !== 'on') edits.push(setAttribute(hiddenElement, 'state', 'on', context));

  if (!features.ioapic) newChildren.push({ name: 'ioapic', attributes: [['driver', 'kvm']] });
  if (newChildren.length) edits.push(addToFeatures(context.model, newChildren, context));
  return edits;
}
