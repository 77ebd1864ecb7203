import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const hosts = (host: string) => networkXml({ ip: ipWithDhcp(`      <range start='10.231.0.10' end='10.231.0.99'/>\n      ${host}`) });

testRule({
  rule: 'network-dhcp-host-outside-subnet',
  valid: [{ name: 'a host in the subnet', xml: hosts("<host mac='52:54:00:12:34:56' ip='10.231.0.150'/>") }],
  invalid: [
    {
      name: 'a host of another subnet',
      xml: hosts("<host mac='52:54:00:12:34:56' ip='«10.99.99.10»'/>"),
      messages: ['10.99.99.10 is not in the network 10.231.0.1/24'],
      noFix: 'which address was meant is for the user to say',
    },
    {
      name: 'an IPv6 address in an IPv4 network',
      xml: hosts("<host mac='52:54:00:12:34:56' ip='«fd00::10»'/>"),
      noFix: 'which address was meant is for the user to say',
    },
    {
      name: "the host's own address",
      xml: hosts("<host mac='52:54:00:12:34:56' ip='«10.231.0.1»'/>"),
      messages: ["the host's own address"],
      noFix: 'which address was meant is for the user to say',
    },
  ],
});
