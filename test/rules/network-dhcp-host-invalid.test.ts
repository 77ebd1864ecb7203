import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const hosts = (host: string, attributes?: string) => networkXml({ ip: ipWithDhcp(`      ${host}`, attributes) });
const V6 = "family='ipv6' address='fd00:231::1' prefix='64'";

testRule({
  rule: 'network-dhcp-host-invalid',
  valid: [
    { name: 'a host by MAC', xml: hosts("<host mac='52:54:00:12:34:56' name='vm1' ip='10.231.0.50'/>") },
    { name: 'a host by name only', xml: hosts("<host name='vm1' ip='10.231.0.50'/>") },
    { name: 'an IPv6 host by id', xml: hosts("<host id='0:3:0:1:0:16:3e:11:22:33' ip='fd00:231::50'/>", V6) },
  ],
  invalid: [
    {
      name: 'neither mac nor name',
      xml: hosts("<«host» ip='10.231.0.50'/>"),
      libvirtSays: 'must have mac or name attribute',
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'no ip',
      xml: hosts("<«host» mac='52:54:00:12:34:56' name='vm1'/>"),
      libvirtSays: 'Missing IP address in static host definition',
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'an ip that is no address',
      xml: hosts("<host mac='52:54:00:12:34:56' ip='«abc»'/>"),
      libvirtSays: 'Invalid IP address in static host definition',
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'a malformed MAC',
      xml: hosts("<host mac='«52:54:00:12:34»' ip='10.231.0.50'/>"),
      libvirtSays: "Cannot parse MAC address '52:54:00:12:34'",
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'a MAC written with dashes',
      xml: hosts("<host mac='«52-54-00-12-34-56»' ip='10.231.0.50'/>"),
      libvirtSays: "Cannot parse MAC address '52-54-00-12-34-56'",
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'a multicast MAC',
      xml: hosts("<host mac='«01:54:00:12:34:56»' ip='10.231.0.50'/>"),
      libvirtSays: 'expected unicast mac address, found multicast',
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'a MAC in an IPv6 host',
      xml: hosts("<host mac='«52:54:00:12:34:56»' name='a' ip='fd00:231::50'/>", V6),
      libvirtSays: 'Invalid to specify MAC address',
      noFix: 'what identifies the host is for the user to write',
    },
    {
      name: 'an IPv6 host without id or name',
      xml: hosts("<«host» ip='fd00:231::50'/>", V6),
      libvirtSays: 'must have id or name attribute',
      noFix: 'what identifies the host is for the user to write',
    },
  ],
});
