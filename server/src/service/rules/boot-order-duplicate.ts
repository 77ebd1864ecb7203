import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { duplicates, groupBy, othersIn } from '../validation/grouping';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

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
          message: `Boot order ${order} is given to ${group.length} devices: libvirt refuses the domain ("boot order '${order}' used for more than one device"). Each needs its own number.`,
          related: othersIn(group, boot).shown.map((b) => ({ ...valueSpan(attribute(b, 'order')!), message: `also boot order ${order}` })),
          fixes: (context) => {
            const next = Math.max(...context.model.devices.map((device) => device.bootOrder ?? 0)) + 1;
            return [
              {
                title: `Change to boot order ${next}`,
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
