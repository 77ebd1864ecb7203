import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('input-bus-invalid', {
  onPs2: 'A {type} on the ps2 bus: libvirt refuses the domain ("{libvirtSays}").',
  xenBus: 'The xen input bus in a KVM/QEMU guest: libvirt refuses the domain ("{libvirtSays}").',
  changeToBus: "Change to bus='{bus}'",
});

export const inputBusInvalid: Rule = {
  id: 'input-bus-invalid',
  severity: 'error',
  title: 'An input device on a bus that cannot carry it (a tablet on ps2, anything on the xen bus of a KVM/QEMU guest)',
  explanation:
    'The ps2 bus carries a mouse and a keyboard only: libvirt refuses a tablet, evdev or passthrough input on it ' +
    '("ps2 bus does not support tablet input device"); a hardware-virtualised guest has no xen input bus ("unsupported ' +
    "input bus xen\"). Put a tablet on bus='usb' (or virtio).",
  docs: DOCS.devices,
  check({ model, report }) {
    if (model.root.name !== 'domain' || (model.type?.value !== 'kvm' && model.type?.value !== 'qemu')) return;
    for (const input of devicesOfKind(model, 'input')) {
      const bus = attribute(input.element, 'bus');
      const type = input.type;
      if (!bus || !type) continue;
      if (bus.value === 'ps2' && type !== 'mouse' && type !== 'keyboard')
        report({
          ...valueSpan(bus),
          message: M.onPs2({ type, libvirtSays: `ps2 bus does not support ${type} input device` }),
          fixes:
            type === 'tablet'
              ? (context) => [
                  { title: M.changeToBus({ bus: 'usb' }), edits: [setAttribute(input.element, 'bus', 'usb', context)], preferred: true },
                ]
              : undefined,
        });
      else if (bus.value === 'xen')
        report({
          ...valueSpan(bus),
          message: M.xenBus({ libvirtSays: 'unsupported input bus xen' }),
          fixes: (context) => [
            {
              title: M.changeToBus({ bus: 'usb' }),
              edits: [setAttribute(input.element, 'bus', 'usb', context)],
              preferred: type === 'tablet',
            },
            ...(type === 'mouse' || type === 'keyboard'
              ? [{ title: M.changeToBus({ bus: 'ps2' }), edits: [setAttribute(input.element, 'bus', 'ps2', context)] }]
              : []),
          ],
        });
    }
  },
};
