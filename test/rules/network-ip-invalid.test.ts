import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const ip = (attributes: string) => networkXml({ ip: `  <ip ${attributes}/>` });

testRule({
  rule: 'network-ip-invalid',
  valid: [
    { name: 'an IPv4 address with a prefix', xml: networkXml() },
    { name: 'an IPv4 address with a netmask', xml: ip("address='10.231.0.1' netmask='255.255.255.0'") },
    { name: 'a class C address without netmask (its /24)', xml: ip("address='192.168.231.1'") },
    { name: 'IPv6 with family and prefix', xml: ip("family='ipv6' address='fd00:231::1' prefix='64'") },
    { name: 'IPv6 without prefix (64)', xml: ip("family='ipv6' address='fd00:231::1'") },
    { name: "prefix='0' with a netmask (0 is no prefix)", xml: ip("address='10.231.0.1' netmask='255.255.255.0' prefix='0'") },
    {
      name: 'one IPv4 and one IPv6 <ip> with DHCP',
      xml: networkXml({
        ip:
          ipWithDhcp("      <range start='10.231.0.10' end='10.231.0.20'/>") +
          '\n' +
          ipWithDhcp("      <range start='fd00:231::10' end='fd00:231::20'/>", "family='ipv6' address='fd00:231::1' prefix='64'"),
      }),
    },
  ],
  invalid: [
    {
      name: 'no address',
      xml: ip("«»prefix='24'").replace('<ip «»', '<«ip» '),
      messages: ['has no address='],
      libvirtSays: 'Missing required address attribute',
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'a malformed address',
      xml: ip("address='«10.231.0.300»' prefix='24'"),
      messages: ["'10.231.0.300' is not an IP address"],
      libvirtSays: "Invalid address '10.231.0.300'",
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'netmask and prefix together',
      xml: ip("address='10.231.0.1' netmask='255.255.255.0' prefix='24'").replace('<ip ', '<«ip» '),
      messages: ['Both netmask= and prefix='],
      libvirtSays: 'IP address cannot have both a prefix and a netmask',
    },
    {
      name: 'a prefix of 33',
      xml: ip("address='10.231.0.1' prefix='«33»'"),
      messages: ['A prefix of 33 bits'],
      libvirtSays: "Invalid IPv4 prefix '33'",
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'a prefix of 129 for IPv6',
      xml: ip("family='ipv6' address='fd00:231::1' prefix='«129»'"),
      libvirtSays: "Invalid IPv6 prefix '129'",
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'a prefix that is not a number',
      xml: ip("address='10.231.0.1' prefix='«abc»'"),
      libvirtSays: "Invalid value for attribute 'prefix' in element 'ip': 'abc'",
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'a malformed netmask',
      xml: ip("address='10.231.0.1' netmask='«255.255.255.256»'"),
      libvirtSays: "Invalid netmask '255.255.255.256'",
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'a netmask for IPv6',
      xml: ip("family='ipv6' address='fd00:231::1' netmask='ffff:ffff:ffff:ffff::'").replace('<ip ', '<«ip» '),
      libvirtSays: 'netmask not allowed for IPv6 address',
    },
    {
      name: 'an IPv6 address without family',
      xml: ip("address='fd00:231::1' prefix='64'").replace('<ip ', '<«ip» '),
      libvirtSays: 'no family specified for non-IPv4 address',
    },
    {
      name: "family='ipv6' with an IPv4 address",
      xml: ip("family='«ipv6»' address='10.231.0.1' prefix='24'"),
      libvirtSays: "Family 'ipv6' specified for non-IPv6 address",
    },
    {
      name: "family='ipv4' with an IPv6 address",
      xml: ip("family='«ipv4»' address='fd00:231::1' prefix='64'"),
      libvirtSays: 'ipv4 family specified for non-IPv4 address',
    },
    { name: 'an unknown family', xml: ip("family='«IPv4»' address='10.231.0.1' prefix='24'"), libvirtSays: "Unrecognized family 'IPv4'" },
    {
      name: 'a non-contiguous netmask with a DHCP range',
      xml: networkXml({
        ip: ipWithDhcp("      <range start='10.231.0.10' end='10.231.0.20'/>", "address='10.231.0.1' netmask='«255.0.255.0»'"),
      }),
      messages: ['is not contiguous'],
      libvirtSays: 'bad prefix -1 for network 10.231.0.1',
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'a non-contiguous netmask without DHCP (refused at start)',
      xml: ip("address='10.231.0.1' netmask='«255.0.255.0»'"),
      messages: ['refuses to start it'],
      libvirt: 'accepts',
      noFix: 'which address or netmask was meant is for the user to say',
    },
    {
      name: 'two IPv4 <ip> with DHCP',
      xml: networkXml({
        ip:
          ipWithDhcp("      <range start='10.231.0.10' end='10.231.0.20'/>") +
          '\n' +
          ipWithDhcp("      <range start='10.232.0.10' end='10.232.0.20'/>", "address='10.232.0.1' prefix='24'").replace(
            '<dhcp>',
            '<«dhcp»>',
          ),
      }),
      messages: ['A second IPv4 <ip> with DHCP'],
      libvirtSays: 'Multiple IPv4 dhcp sections found',
      noFix: 'which <ip> serves DHCP is for the user to say',
    },
    {
      name: 'a 10.x address without netmask or prefix (its class: /8)',
      xml: ip("address='10.231.0.1'").replace('<ip ', '<«ip» '),
      messages: ["libvirt uses the prefix of the address's class, /8"],
      fixed: [{ title: "Add prefix='24'", output: ip("address='10.231.0.1' prefix='24'") }],
    },
  ],
});
