import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const nic = (mac: string) =>
  `    <interface type='network'>\n      <mac address='${mac}'/>\n      <source network='default'/>\n      <model type='virtio'/>\n    </interface>`;

testRule({
  rule: 'mac-address-invalid',
  valid: [
    { name: "QEMU's 52:54:00 prefix", xml: domainXml({ devices: nic('52:54:00:db:52:a3') }) },
    { name: 'single-digit groups', xml: domainXml({ devices: nic('52:54:0:1:2:3') }) },
  ],
  invalid: [
    {
      name: 'a multicast address',
      xml: domainXml({ devices: nic('«53:54:00:00:00:01»') }),
      messages: ['is a multicast address'],
      libvirtSays: 'expected unicast mac address, found multicast',
    },
    {
      name: 'five groups',
      xml: domainXml({ devices: nic('«52:54:00:db:52»') }),
      messages: ['is not a MAC address'],
      libvirtSays: 'unable to parse mac address',
    },
    { name: 'dashes', xml: domainXml({ devices: nic('«52-54-00-db-52-a3»') }), libvirtSays: 'unable to parse mac address' },
  ],
});
