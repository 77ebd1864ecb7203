import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { duplicates, groupBy, othersIn } from '../validation/grouping';
import { attributeOrTagSpan } from '../validation/spans';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('controller-index-duplicate', {
  duplicate:
    'There are {count} \'{type}\' controllers with index {index}: libvirt refuses the domain ("{libvirtSays}"). Each needs its own index.',
  another: "another '{type}' controller with index {index}",
  changeIndex: 'Change the index to {index}',
});

export const controllerIndexDuplicate: Rule = {
  id: 'controller-index-duplicate',
  severity: 'error',
  title: 'Two controllers of one type have the same index',
  explanation:
    "A controller is named by its type and index: disks and addresses refer to 'sata controller 0' or 'pci " +
    "bus 3'. libvirt refuses two of the same type with one index (\"Multiple 'sata' controllers with index '0'\"). USB " +
    'is the exception: EHCI/UHCI companion controllers share an index on purpose.',
  docs: DOCS.controllers,
  check({ model, report }) {
    // USB companion controllers (EHCI + UHCI) share an index on purpose.
    const byKey = groupBy(devicesOfKind(model, 'controller'), (controller) =>
      controller.type && controller.type !== 'usb' && controller.index !== undefined ? `${controller.type} ${controller.index}` : undefined,
    );
    for (const [key, controllers] of duplicates(byKey)) {
      const [type, index] = key.split(' ');
      for (const controller of controllers) {
        report({
          ...valueSpan(attribute(controller.element, 'index')!),
          message: M.duplicate({
            count: controllers.length,
            type,
            index,
            libvirtSays: `Multiple '${type}' controllers with index '${index}'`,
          }),
          related: othersIn(controllers, controller).shown.map((c) => ({
            ...attributeOrTagSpan(c.element, 'index'),
            message: M.another({ type, index }),
          })),
          fixes: (context) => {
            const used = new Set(
              devicesOfKind(context.model, 'controller')
                .filter((c) => c.type === type)
                .map((c) => c.index),
            );
            let next = 0;
            while (used.has(next)) next++;
            return [
              {
                title: M.changeIndex({ index: next }),
                edits: [setAttribute(controller.element, 'index', String(next), context)],
                preferred: controller !== controllers[0],
              },
            ];
          },
        });
      }
    }
  },
};
