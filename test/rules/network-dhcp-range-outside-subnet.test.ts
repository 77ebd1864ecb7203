import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const ranges = (range: string, attributes?: string) => networkXml({ ip: ipWithDhcp(`      ${range}`, attributes) });

testRule({
  rule: 'network-dhcp-range-outside-subnet',
  libvirtSays: 'is not entirely within network',
  valid: [
    { name: 'a range inside the /24', xml: networkXml() },
    { name: 'a range of one address', xml: ranges("<range start='10.231.0.50' end='10.231.0.50'/>") },
    { name: 'a range in a /16', xml: ranges("<range start='10.231.1.2' end='10.231.2.250'/>", "address='10.231.0.1' prefix='16'") },
    {
      name: 'an IPv6 range',
      xml: ranges("<range start='fd00:231::100' end='fd00:231::1ff'/>", "family='ipv6' address='fd00:231::1' prefix='64'"),
    },
    { name: "a range containing the host's own address", xml: ranges("<range start='10.231.0.1' end='10.231.0.20'/>") },
  ],
  invalid: [
    {
      name: 'a range of another subnet (the issue example)',
      xml: ranges("<«range» start='10.77.1.100' end='10.77.1.200'/>"),
      messages: ['range 10.77.1.100 - 10.77.1.200 is not entirely within network 10.231.0.1/24'],
    },
    {
      name: 'an end outside the subnet',
      xml: ranges("<«range» start='10.231.0.100' end='10.231.1.20'/>"),
      noFix: 'moved into the subnet it would end before it starts',
    },
    {
      name: 'an IPv6 range outside its /64',
      xml: ranges("<«range» start='fd00:999::10' end='fd00:999::20'/>", "family='ipv6' address='fd00:231::1' prefix='64'"),
    },
    {
      name: 'a range starting at the network address',
      xml: ranges("<«range» start='10.231.0.0' end='10.231.0.20'/>"),
      messages: ["starts at the subnet's network address"],
      libvirtSays: 'is the network address',
    },
    {
      name: 'a range ending at the broadcast address',
      xml: ranges("<«range» start='10.231.0.2' end='10.231.0.255'/>"),
      messages: ["ends at the subnet's broadcast address"],
      libvirtSays: 'is the broadcast address',
    },
  ],
});
