// Where new top-level elements go, in libvirt's own order: <features>, <cpu>, <clock>... <devices>.

import type { OffsetEdit } from '../edits/xmlEdits';
import { insertChild, insertChildren } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { FixContext } from '../languageTypes';
import type { DomainModel } from '../model/domainModel';

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
