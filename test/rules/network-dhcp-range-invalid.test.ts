import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const ranges = (range: string, attributes?: string) => networkXml({ ip: ipWithDhcp(`      ${range}`, attributes) });

testRule({
  rule: 'network-dhcp-range-invalid',
  valid: [
    { name: 'a range from start to end', xml: networkXml() },
    {
      name: 'an IPv6 range',
      xml: ranges("<range start='fd00:231::10' end='fd00:231::ffff'/>", "family='ipv6' address='fd00:231::1' prefix='64'"),
    },
  ],
  invalid: [
    {
      name: 'a reversed range',
      xml: ranges("<«range» start='10.231.0.200' end='10.231.0.100'/>"),
      messages: ['The DHCP range ends before it starts'],
      libvirtSays: 'range 10.231.0.200 - 10.231.0.100 is reversed',
      fixed: [{ title: 'Swap start and end', output: ranges("<range start='10.231.0.100' end='10.231.0.200'/>") }],
    },
    {
      name: 'a reversed IPv6 range',
      xml: ranges("<«range» start='fd00:231::20' end='fd00:231::10'/>", "family='ipv6' address='fd00:231::1' prefix='64'"),
      libvirtSays: 'start larger than end',
    },
    {
      name: 'more than 65535 addresses',
      xml: ranges("<«range» start='10.231.0.2' end='10.232.0.2'/>", "address='10.231.0.1' prefix='8'"),
      libvirtSays: 'is too large (> 65535)',
      noFix: 'which addresses were meant is for the user to say',
    },
    {
      name: 'no end=',
      xml: ranges("<«range» start='10.231.0.10'/>"),
      libvirtSays: "Missing 'end' attribute in dhcp range",
      noFix: 'which addresses were meant is for the user to say',
    },
    {
      name: 'no start=',
      xml: ranges("<«range» end='10.231.0.10'/>"),
      libvirtSays: "Missing 'start' attribute in dhcp range",
      noFix: 'which addresses were meant is for the user to say',
    },
    {
      name: 'a start that is no address',
      xml: ranges("<range start='«abc»' end='10.231.0.10'/>"),
      libvirtSays: "Cannot parse socket address 'abc'",
      noFix: 'which addresses were meant is for the user to say',
    },
    {
      name: 'an IPv6 range in an IPv4 <ip>',
      xml: ranges("<«range» start='fd00::10' end='fd00::20'/>"),
      libvirtSays: 'mismatch of address family in range fd00::10 - fd00::20 for network 10.231.0.1',
      noFix: 'which addresses were meant is for the user to say',
    },
    {
      name: 'ends of two families',
      xml: ranges("<«range» start='10.231.0.10' end='fd00::20'/>"),
      libvirtSays: 'mismatch of address family in range',
      noFix: 'which addresses were meant is for the user to say',
    },
  ],
});
