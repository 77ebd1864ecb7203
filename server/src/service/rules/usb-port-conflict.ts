import { removeAddressFix } from '../fixes/pciAddressFixes';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { duplicates, groupBy, listWithMore, othersIn } from '../validation/grouping';
import { attributeOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

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
    for (const [key, devices] of duplicates(byPort)) {
      // libvirt prints the numbers it read: port='01' is port 1.
      const { bus, port } = devices[0].address!.usb!;
      const says = `Duplicate USB address bus ${bus} port ${port
        .split('.')
        .map((part) => (/^[0-9]+$/.test(part) ? String(Number(part)) : part))
        .join('.')}`;
      for (const device of devices) {
        const { shown: others, more } = othersIn(devices, device);
        report({
          ...attributeOrTagSpan(device.address!.element, 'port'),
          message: `USB ${key} is also used by ${listWithMore(others.map(deviceLabel), more)}: libvirt refuses the domain ("${says}").`,
          related: others.map((other) => ({
            ...attributeOrTagSpan(other.address!.element, 'port'),
            message: `${deviceLabel(other)} is also at USB ${key}`,
          })),
          fixes: (context) =>
            removeAddressFix(device, context).map((fix) => ({
              ...fix,
              title: 'Remove the USB address (libvirt picks a free port)',
              preferred: device !== devices[0],
            })),
        });
      }
    }
  },
};
