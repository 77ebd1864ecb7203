// Fixes that add to or change the top of a domain: <features> children (Hyper-V vendor_id, KVM hiding, ACPI),
// <currentMemory>, <memballoon>.

import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, insertChildren, replaceElement, setAttribute } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { DomainModel } from '../model/domainModel';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Fix, FixContext } from './rule';

/** The vendor string the seed uses: 12 characters, what libvirt allows at most. */
export const DEFAULT_VENDOR_ID = '0123456789ab';

/** Where a new top-level element goes: before the first of these that exists (libvirt's own order). */
export const AFTER_CPU = ['clock', 'on_poweroff', 'on_reboot', 'on_crash', 'pm', 'devices'];
const AFTER_FEATURES = ['cpu', ...AFTER_CPU];

/** Adds children to <features> in one edit, creating <features> when the domain has none. */
export function addToFeatures(model: DomainModel, child: ElementSpec | readonly ElementSpec[], context: FixContext): OffsetEdit {
  const children = Array.isArray(child) ? child : [child as ElementSpec];
  const features = model.features.element;
  if (features) return insertChildren(features, children, context);
  const before = model.root.children.find((element) => AFTER_FEATURES.includes(element.name));
  return insertChild(model.root, { name: 'features', children }, context, before);
}

/** Adds a top-level element where libvirt writes it (before <clock>, <devices>...). */
export function addToDomain(model: DomainModel, spec: ElementSpec, after: readonly string[], context: FixContext): OffsetEdit {
  const before = model.root.children.find((element) => after.includes(element.name));
  return insertChild(model.root, spec, context, before);
}

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

/** "Set currentMemory to memory": the same number and unit as <memory>. */
export function currentMemoryEqualsMemoryFix(model: DomainModel, context: FixContext): Fix[] {
  const { memory, currentMemory } = model;
  if (!memory || !currentMemory) return [];
  const unit = attributeValue(memory.element, 'unit');
  const spec: ElementSpec = { name: 'currentMemory', attributes: unit ? [['unit', unit]] : [], text: memory.element.text.trim() };
  const shown = `${memory.element.text.trim()}${unit ? ` ${unit}` : ' KiB'}`;
  return [
    { title: `Set currentMemory to memory (${shown})`, edits: [replaceElement(currentMemory.element, spec, context)], preferred: true },
  ];
}

/** <memballoon model='none'/>, replacing the existing balloon or added to <devices>. */
export function disableBalloonFix(model: DomainModel, context: FixContext): Fix[] {
  const spec: ElementSpec = { name: 'memballoon', attributes: [['model', 'none']] };
  const balloon = model.devices.find((device) => device.kind === 'memballoon');
  if (balloon)
    return [{ title: "Disable the balloon: <memballoon model='none'/>", edits: [replaceElement(balloon.element, spec, context)] }];
  if (!model.devicesElement) return [];
  return [{ title: "Disable the balloon: <memballoon model='none'/>", edits: [insertChild(model.devicesElement, spec, context)] }];
}
