import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import type { GuestAddress } from '../model/domainModel';
import { valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('address-number-invalid', {
  decimalOnly: 'A {type} address takes decimal numbers: libvirt refuses the domain ("{libvirtSays}").',
  changeTo: 'Change to {value}',
});

/** The address attributes libvirt reads as decimal unsigned numbers, per address type (its *AddressParseXML). */
const DECIMAL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  drive: ['controller', 'bus', 'target', 'unit'],
  'virtio-serial': ['controller', 'bus', 'port'],
  ccid: ['controller', 'slot'],
  usb: ['bus'],
  dimm: ['slot'],
};

const DECIMAL = /^[ \t\n\r\f\v]*\+?\d+$/;

export const addressNumberInvalid: Rule = {
  id: 'address-number-invalid',
  severity: 'error',
  title: 'A drive, virtio-serial, CCID, USB or DIMM address number that is not a decimal number (0x05, -1)',
  explanation:
    'Unlike a PCI address, libvirt reads the numbers of drive (controller, bus, target, unit), virtio-serial, CCID, ' +
    'USB (bus) and DIMM (slot) addresses in decimal only, and refuses hex or negative values ("Invalid value for ' +
    "attribute 'bus' in element 'address': '0x00'. Expected non-negative integer value\") — what happens when an " +
    "address's type is changed and its PCI-style numbers stay.",
  docs: DOCS.addresses,
  check({ model, report }) {
    for (const device of model.devices) {
      const address: GuestAddress | undefined = device.address;
      const type = address?.type;
      const names = type ? DECIMAL_ATTRIBUTES[type] : undefined;
      if (!address || !type || !names) continue;
      for (const attr of address.element.attributes) {
        if (!names.includes(attr.name) || (DECIMAL.test(attr.value) && BigInt(attr.value.trim().replace('+', '')) <= 0xffffffffn)) continue;
        report({
          ...valueSpan(attr),
          message: M.decimalOnly({
            type,
            libvirtSays: `Invalid value for attribute '${attr.name}' in element 'address': '${attr.value}'. Expected non-negative integer value`,
          }),
          fixes: /^0x[0-9a-f]+$/i.test(attr.value)
            ? () => [
                {
                  title: M.changeTo({ value: Number.parseInt(attr.value, 16) }),
                  edits: [{ start: attr.valueStart, end: attr.valueEnd, newText: String(Number.parseInt(attr.value, 16)) }],
                  preferred: true,
                },
              ]
            : undefined,
        });
      }
    }
  },
};
