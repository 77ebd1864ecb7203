// The index libvirt gives each controller of a type: its index= when readable, else (for one without index=) the
// lowest index no other controller of the type has, in document order (virDomainDefPostParse's numbering).

import { attribute } from '../xml/xmlTree';
import type { Device, DomainModel } from './domainModel';

/** Each controller of `type` with the index libvirt uses; a controller whose index= is unreadable is left out. */
export function controllerIndexes(model: DomainModel, type: string): Map<Device, number> {
  const controllers = model.devices.filter((device) => device.kind === 'controller' && device.type === type);
  const indexes = new Map<Device, number>();
  const used = new Set<number>();
  for (const controller of controllers) {
    if (controller.index === undefined) continue;
    indexes.set(controller, controller.index);
    used.add(controller.index);
  }
  let next = 0;
  for (const controller of controllers) {
    if (attribute(controller.element, 'index') !== undefined) continue;
    while (used.has(next)) next++;
    indexes.set(controller, next);
    used.add(next);
  }
  return indexes;
}
