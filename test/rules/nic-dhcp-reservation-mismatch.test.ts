import { domainXml } from '../support/domainXml';
import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const nic = (network: string, mac = '52:54:00:aa:00:01') =>
  `    <interface type='network'>\n      <mac address='${mac}'/>\n      <source network='${network}'/>\n      <model type='virtio'/>\n    </interface>`;
const LAB = networkXml({
  name: 'lab',
  ip: ipWithDhcp(
    "      <range start='10.231.0.10' end='10.231.0.99'/>\n      <host mac='52:54:00:AA:00:01' name='lint-test' ip='10.231.0.150'/>\n      <host mac='52:54:00:aa:00:02' name='web' ip='10.231.0.151'/>",
  ),
});
const NO_FIX = 'which of the two is right is for the user to say';

testRule({
  rule: 'nic-dhcp-reservation-mismatch',
  valid: [
    { name: 'the reservation for this domain, on its network (MAC case aside)', xml: domainXml({ devices: nic('lab') }), workspace: [LAB] },
    { name: 'a MAC no network reserves', xml: domainXml({ devices: nic('lab', '52:54:00:aa:00:99') }), workspace: [LAB] },
  ],
  invalid: [
    {
      name: "a MAC reserved for another host's name",
      xml: domainXml({ devices: nic('lab', '«52:54:00:aa:00:02»') }),
      workspace: [LAB],
      messages: ["The network lab reserves 52:54:00:aa:00:02 (10.231.0.151) for host 'web', not for this domain 'lint-test'"],
      noFix: NO_FIX,
    },
    {
      name: 'a MAC reserved in a network the NIC is not on',
      xml: domainXml({ devices: nic('default', '«52:54:00:aa:00:01»') }),
      workspace: [LAB],
      messages: ["but this NIC is on 'default': the reservation does not apply to it"],
      noFix: NO_FIX,
    },
  ],
});
