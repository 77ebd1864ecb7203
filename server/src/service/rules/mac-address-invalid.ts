import { messages } from '../../l10n/message';
import { removeElement, replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { parseMac } from '../model/macAddress';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('mac-address-invalid', {
  notMac: "'{address}' is not a MAC address (six hex bytes like 52:54:00:12:34:56)",
  multicast:
    '{address} is a multicast address (its first byte is odd): libvirt refuses the domain ("{libvirtSays}"). A NIC needs a unicast one such as 52:54:00:…',
  removeMac: 'Remove the <mac> (libvirt generates one)',
  changeTo: 'Change to {address}',
});

export const macAddressInvalid: Rule = {
  id: 'mac-address-invalid',
  severity: 'error',
  title: 'A NIC MAC address is malformed or multicast',
  explanation:
    'A MAC address is six hex bytes separated by colons (52:54:00:xx:xx:xx for QEMU guests). The lowest bit of ' +
    'the first byte marks a multicast address, which no NIC may have: libvirt refuses it ("expected unicast mac ' +
    'address, found multicast"). Leave <mac> out to let libvirt generate one.',
  docs: DOCS.interfaces,
  check({ model, report }) {
    for (const nic of devicesOfKind(model, 'interface')) {
      const mac = firstChild(nic.element, 'mac');
      const address = mac ? attribute(mac, 'address') : undefined;
      if (!address) continue;
      const parsed = parseMac(address.value);
      if (!parsed) {
        report({
          ...valueSpan(address),
          message: refused(M.notMac({ address: address.value }), `unable to parse mac address '${address.value}'`),
          fixes: (context) => [{ title: M.removeMac(), edits: [removeElement(mac!, context)], preferred: true }],
        });
      } else if (parsed.multicast) {
        const unicast =
          (Number.parseInt(parsed.firstGroup, 16) & 0xfe).toString(16).padStart(2, '0') + address.value.slice(parsed.firstGroup.length);
        report({
          ...valueSpan(address),
          message: M.multicast({
            address: address.value,
            libvirtSays: `expected unicast mac address, found multicast '${address.value}'`,
          }),
          fixes: (context) => [
            {
              title: M.changeTo({ address: unicast.trim() }),
              edits: [replaceAttributeValue(address, unicast.trim(), context)],
              preferred: true,
            },
            { title: M.removeMac(), edits: [removeElement(mac!, context)] },
          ],
        });
      }
    }
  },
};
