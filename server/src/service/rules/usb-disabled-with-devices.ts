import { messages } from '../../l10n/message';
import { insertChild } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import type { Device } from '../model/domainModel';
import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

/** Architectures whose machines get no USB controller by default (libvirt's post-parse adds none). */
const NO_DEFAULT_USB = new Set(['aarch64', 'armv7l', 'armv6l', 'riscv32', 'riscv64', 's390', 's390x', 'sparc']);

const M = messages('usb-disabled-with-devices', {
  besideNone: 'A USB controller beside model=\'none\': libvirt refuses the domain ("{libvirtSays}").',
  disabledHere: 'USB disabled here',
  noneDisables: "model='none' disables USB",
  archHasNoUsb: 'a {arch} guest has no USB controller unless one is written',
  archHasNoUsbVowel: 'an {arch} guest has no USB controller unless one is written',
  needsUsb: 'This USB {kind} needs USB, and {why}: libvirt refuses the domain ("{libvirtSays}").',
  addController: "Add <controller type='usb' model='qemu-xhci'/>",
});

/** Whether a device is a USB device to libvirt (its USB iteration): by bus, type or a USB address. */
function isUsbDevice(device: Device): boolean {
  if (device.address?.type === 'usb') return true;
  switch (device.kind) {
    case 'input':
      return attributeValue(device.element, 'bus') === 'usb';
    case 'disk':
      return attributeValue(device.target, 'bus') === 'usb';
    case 'hostdev':
      return attributeValue(device.element, 'type') === 'usb';
    case 'redirdev':
      return attributeValue(device.element, 'bus') === 'usb';
    case 'hub':
      return attributeValue(device.element, 'type') === 'usb';
    case 'smartcard':
      return true;
    default:
      return false;
  }
}

export const usbDisabledWithDevices: Rule = {
  id: 'usb-disabled-with-devices',
  severity: 'error',
  title: "USB devices in a domain without USB (model='none', or an ARM/RISC-V/s390 guest with no USB controller)",
  explanation:
    "<controller type='usb' model='none'> disables USB; ARM, RISC-V and s390 machines get no USB controller unless " +
    'one is written. Either way libvirt refuses USB devices — a USB tablet or keyboard, a disk on bus usb, a USB ' +
    'hostdev or redirdev — ("USB is disabled for this domain, but USB devices are present in the domain XML"; with ' +
    "model='none' an input \"Can't add USB input device. USB bus is disabled\"), and a " +
    "second USB controller beside model='none' (\"Can't add another USB controller: USB is disabled for this domain\").",
  docs: DOCS.controllers,
  check({ model, report }) {
    const controllers = devicesOfKind(model, 'controller').filter((c) => attributeValue(c.element, 'type') === 'usb');
    const none = controllers.find((c) => attributeValue(c.element, 'model') === 'none');
    if (none) {
      for (const other of controllers.filter((c) => c !== none))
        report({
          ...nameSpan(other.element),
          message: M.besideNone({ libvirtSays: "Can't add another USB controller: USB is disabled for this domain" }),
          related: [{ ...valueSpan(attribute(none.element, 'model')!), message: M.disabledHere() }],
        });
      if (controllers.length > 1) return;
    }
    const arch = model.os.arch ?? 'x86_64';
    const disabled = none !== undefined || (controllers.length === 0 && NO_DEFAULT_USB.has(arch));
    if (!disabled) return;
    for (const device of model.devices.filter(isUsbDevice)) {
      const why = none ? M.noneDisables() : /^[aeiou]/.test(arch) ? M.archHasNoUsbVowel({ arch }) : M.archHasNoUsb({ arch });
      // With model='none' the parser refuses inputs, host devices and hubs with their own messages.
      const says =
        none && device.kind === 'input'
          ? "Can't add USB input device. USB bus is disabled"
          : none && device.kind === 'hostdev'
            ? "Can't add host USB device: USB is disabled in this host"
            : none && device.kind === 'hub'
              ? "Can't add USB hub: USB is disabled for this domain"
              : 'USB is disabled for this domain, but USB devices are present in the domain XML';
      report({
        ...nameSpan(device.element),
        message: M.needsUsb({ kind: device.kind, why, libvirtSays: says }),
        fixes:
          none || firstChild(model.root, 'devices') === undefined
            ? undefined
            : (context) => [
                {
                  title: M.addController(),
                  edits: [
                    insertChild(
                      model.devicesElement!,
                      {
                        name: 'controller',
                        attributes: [
                          ['type', 'usb'],
                          ['model', 'qemu-xhci'],
                        ],
                      },
                      context,
                    ),
                  ],
                  preferred: true,
                },
              ],
      });
    }
  },
};
