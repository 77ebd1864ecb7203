import { messages } from '../../l10n/message';
import { removeAddressFix } from '../fixes/pciAddressFixes';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { duplicates, groupBy, listWithMore, othersIn } from '../validation/grouping';
import { attributeOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('usb-port-conflict', {
  where: 'bus {bus} port {port}',
  alsoUsedBy: 'USB {where} is also used by {devices}: libvirt refuses the domain ("{libvirtSays}").',
  otherAlsoAt: '{device} is also at USB {where}',
  removeAddress: 'Remove the USB address (libvirt picks a free port)',
});

export const usbPortConflict: Rule = {
  id: 'usb-port-conflict',
  severity: 'error',
  title: 'Two USB devices use the same bus and port',
  explanation:
    'A USB address (bus, port) holds one device, just like a physical port. libvirt refuses a domain where two ' +
    'devices claim the same one ("Duplicate USB address bus 0 port 1"). Omit the <address type=\'usb\'> to let libvirt ' +
    'pick a free port.',
  docs: DOCS.addresses,
  check({ model, report }) {
    const byPort = groupBy(model.devices, (device) => {
      const usb = device.address?.usb;
      return usb ? `bus ${usb.bus} port ${usb.port}` : undefined;
    });
    for (const [, devices] of duplicates(byPort)) {
      // libvirt prints the numbers it read: port='01' is port 1.
      const { bus, port } = devices[0].address!.usb!;
      const says = `Duplicate USB address bus ${bus} port ${port
        .split('.')
        .map((part) => (/^[0-9]+$/.test(part) ? String(Number(part)) : part))
        .join('.')}`;
      const where = M.where({ bus, port });
      for (const device of devices) {
        const { shown: others, more } = othersIn(devices, device);
        report({
          ...attributeOrTagSpan(device.address!.element, 'port'),
          message: M.alsoUsedBy({ where, devices: listWithMore(others.map(deviceLabel), more), libvirtSays: says }),
          related: others.map((other) => ({
            ...attributeOrTagSpan(other.address!.element, 'port'),
            message: M.otherAlsoAt({ device: deviceLabel(other), where }),
          })),
          fixes: (context) =>
            removeAddressFix(device, context).map((fix) => ({
              ...fix,
              title: M.removeAddress(),
              preferred: device !== devices[0],
            })),
        });
      }
    }
  },
};
