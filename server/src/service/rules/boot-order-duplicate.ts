import type { XmlElement } from '../xml/xmlTree';
import { attribute, valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';

export const bootOrderDuplicate: Rule = {
  id: 'boot-order-duplicate',
  severity: 'error',
  title: 'Two devices have the same boot order',
  explanation: "Each <boot order='N'/> must be unique: it is the device's place in the firmware's boot list. libvirt "
    + "refuses duplicates: \"boot order '1' used for more than one device\".",
  docs: DOCS.bootOrder,
  check({ model, report }) {
    const byOrder = new Map<string, XmlElement[]>();
    for (const device of model.devices) {
      const order = device.boot ? attribute(device.boot, 'order') : undefined;
      if (!order) continue;
      byOrder.set(order.value.trim(), [...(byOrder.get(order.value.trim()) ?? []), device.boot!]);
    }
    for (const [order, boots] of byOrder) {
      if (boots.length < 2) continue;
      for (const boot of boots) {
        report({
          ...valueSpan(attribute(boot, 'order')!),
          message: `Boot order ${order} is given to ${boots.length} devices; each needs its own number.`,
          related: boots.filter((b) => b !== boot).map((b) => ({ ...valueSpan(attribute(b, 'order')!), message: `also boot order ${order}` })),
        });
      }
    }
  },
};
