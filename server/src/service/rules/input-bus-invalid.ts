import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

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
          message: `A ${type} on the ps2 bus: libvirt refuses the domain ("ps2 bus does not support ${type} input device").`,
          fixes:
            type === 'tablet'
              ? (context) => [
                  { title: "Change to bus='usb'", edits: [setAttribute(input.element, 'bus', 'usb', context)], preferred: true },
                ]
              : undefined,
        });
      else if (bus.value === 'xen')
        report({
          ...valueSpan(bus),
          message: 'The xen input bus in a KVM/QEMU guest: libvirt refuses the domain ("unsupported input bus xen").',
          fixes: (context) => [
            { title: "Change to bus='usb'", edits: [setAttribute(input.element, 'bus', 'usb', context)], preferred: type === 'tablet' },
            ...(type === 'mouse' || type === 'keyboard'
              ? [{ title: "Change to bus='ps2'", edits: [setAttribute(input.element, 'bus', 'ps2', context)] }]
              : []),
          ],
        });
    }
  },
};
