import type { XmlElement } from '../xml/xmlTree';
import { attribute, valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import { duplicates, groupBy, othersIn } from './grouping';
import type { Rule } from './rule';

export const bootOrderDuplicate: Rule = {
  id: 'boot-order-duplicate',
  severity: 'error',
  title: 'Two devices have the same boot order',
  explanation: "Each <boot order='N'/> must be unique: it is the device's place in the firmware's boot list. libvirt "
    + "refuses duplicates: \"boot order '1' used for more than one device\".",
  docs: DOCS.bootOrder,
  check({ model, report }) {
    const boots = model.devices.map((device) => device.boot).filter((boot): boot is XmlElement => boot !== undefined);
    for (const [order, group] of duplicates(groupBy(boots, (boot) => attribute(boot, 'order')?.value.trim()))) {
      for (const boot of group) {
        report({
          ...valueSpan(attribute(boot, 'order')!),
          message: `Boot order ${order} is given to ${group.length} devices; each needs its own number.`,
          related: othersIn(group, boot).shown.map((b) => ({ ...valueSpan(attribute(b, 'order')!), message: `also boot order ${order}` })),
        });
      }
    }
  },
};
