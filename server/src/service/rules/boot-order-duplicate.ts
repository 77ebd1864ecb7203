import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { duplicates, groupBy, othersIn } from '../validation/grouping';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('boot-order-duplicate', {
  duplicate: 'Boot order {order} is given to {count} devices: libvirt refuses the domain ("{libvirtSays}"). Each needs its own number.',
  alsoOrder: 'also boot order {order}',
  changeTo: 'Change to boot order {order}',
});

export const bootOrderDuplicate: Rule = {
  id: 'boot-order-duplicate',
  severity: 'error',
  title: 'Two devices have the same boot order',
  explanation:
    "Each <boot order='N'/> must be unique: it is the device's place in the firmware's boot list. libvirt " +
    'refuses duplicates: "boot order \'1\' used for more than one device".',
  docs: DOCS.bootOrder,
  check({ model, report }) {
    const byOrder = groupBy(model.devices, (device) => (device.bootOrder === undefined ? undefined : String(device.bootOrder)));
    for (const [order, devices] of duplicates(byOrder)) {
      const group = devices.map((device) => device.boot!);
      for (const boot of group) {
        report({
          ...valueSpan(attribute(boot, 'order')!),
          message: M.duplicate({ order, count: group.length, libvirtSays: `boot order '${order}' used for more than one device` }),
          related: othersIn(group, boot).shown.map((b) => ({ ...valueSpan(attribute(b, 'order')!), message: M.alsoOrder({ order }) })),
          fixes: (context) => {
            const next = Math.max(...context.model.devices.map((device) => device.bootOrder ?? 0)) + 1;
            return [
              {
                title: M.changeTo({ order: next }),
                edits: [setAttribute(boot, 'order', String(next), context)],
                preferred: boot !== group[0],
              },
            ];
          },
        });
      }
    }
  },
};
