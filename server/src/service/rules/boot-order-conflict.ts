import { attributeOrTagSpan, tagSpan } from './spans';
import { DOCS } from './docs';
import type { Rule } from './rule';

export const bootOrderConflict: Rule = {
  id: 'boot-order-conflict',
  severity: 'error',
  title: '<os><boot dev> is used together with per-device <boot order>',
  explanation: 'The boot order is given either by <boot dev=...> elements in <os> or by <boot order=.../> inside devices, '
    + 'never both. libvirt refuses the mix: "per-device boot elements cannot be used together with os/boot elements".',
  docs: DOCS.bootOrder,
  check({ model, report }) {
    const deviceBoots = model.devices.map((device) => device.boot).filter((boot) => boot !== undefined);
    if (model.os.boots.length === 0 || deviceBoots.length === 0) return;
    const osRelated = model.os.boots.map((boot) => ({ ...attributeOrTagSpan(boot, 'dev'), message: 'boot device given in <os>' }));
    const deviceRelated = deviceBoots.map((boot) => ({ ...attributeOrTagSpan(boot, 'order'), message: 'per-device boot order' }));
    for (const boot of model.os.boots) {
      report({
        ...tagSpan(boot),
        message: '<os><boot dev> cannot be combined with per-device <boot order>: keep one of the two.',
        related: deviceRelated,
      });
    }
    for (const boot of deviceBoots) {
      report({
        ...tagSpan(boot),
        message: 'Per-device <boot order> cannot be combined with <os><boot dev>: keep one of the two.',
        related: osRelated,
      });
    }
  },
};
