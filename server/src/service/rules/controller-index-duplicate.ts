import { devicesOfKind, type Device } from '../model/domainModel';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { attributeOrTagSpan } from './spans';

export const controllerIndexDuplicate: Rule = {
  id: 'controller-index-duplicate',
  severity: 'error',
  title: 'Two controllers of one type have the same index',
  explanation: "A controller is named by its type and index: disks and addresses refer to 'sata controller 0' or 'pci "
    + "bus 3'. libvirt refuses two of the same type with one index (\"Multiple 'sata' controllers with index '0'\"). USB "
    + 'is the exception: EHCI/UHCI companion controllers share an index on purpose.',
  docs: DOCS.controllers,
  check({ model, report }) {
    const byKey = new Map<string, Device[]>();
    for (const controller of devicesOfKind(model, 'controller')) {
      const type = controller.type;
      const index = attributeValue(controller.element, 'index');
      if (!type || type === 'usb' || index === undefined || !/^[0-9]+$/.test(index.trim())) continue;
      const key = `${type} ${Number(index)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), controller]);
    }
    for (const [key, controllers] of byKey) {
      if (controllers.length < 2) continue;
      const [type, index] = key.split(' ');
      for (const controller of controllers) {
        report({
          ...valueSpan(attribute(controller.element, 'index')!),
          message: `There are ${controllers.length} '${type}' controllers with index ${index}; each needs its own index.`,
          related: controllers.filter((c) => c !== controller).map((c) => ({ ...attributeOrTagSpan(c.element, 'index'), message: `another '${type}' controller with index ${index}` })),
        });
      }
    }
  },
};
