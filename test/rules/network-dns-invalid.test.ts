import { networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const dns = (inner: string, attributes = '') => networkXml({ extra: `  <dns${attributes}>\n${inner}\n  </dns>` });
const NO_FIX = 'the record is for the user to complete';

testRule({
  rule: 'network-dns-invalid',
  valid: [
    {
      name: 'a host, a TXT and an SRV record',
      xml: dns(
        "    <host ip='10.231.0.5'>\n      <hostname>db</hostname>\n    </host>\n    <txt name='example' value='x, y'/>\n    <srv service='ldap' protocol='tcp'/>",
      ),
    },
    { name: 'a forwarder for one domain', xml: dns("    <forwarder domain='example.com'/>") },
  ],
  invalid: [
    {
      name: "records while enable='no'",
      xml: dns("    <forwarder addr='8.8.8.8'/>", " enable='no'").replace('<dns ', '<«dns» '),
      libvirtSays: 'Extra data in disabled network',
      noFix: NO_FIX,
    },
    {
      name: 'a host without ip',
      xml: dns('    <«host»>\n      <hostname>db</hostname>\n    </host>'),
      libvirtSays: 'DNS HOST record',
      noFix: NO_FIX,
    },
    {
      name: 'a host without hostname',
      xml: dns("    <«host» ip='10.231.0.5'/>"),
      libvirtSays: 'Missing hostname in network',
      noFix: NO_FIX,
    },
    {
      name: 'a TXT name with a space',
      xml: dns("    <«txt» name='a b' value='x'/>"),
      libvirtSays: 'prohibited character in DNS TXT record name',
      noFix: NO_FIX,
    },
    {
      name: 'an SRV record without protocol',
      xml: dns("    <«srv» service='ldap'/>"),
      libvirtSays: 'missing required protocol attribute in DNS SRV record',
      noFix: NO_FIX,
    },
    {
      name: 'a forwarder with neither addr nor domain',
      xml: dns('    <«forwarder»/>'),
      libvirtSays: 'must contain at least one of addr or domain',
      noFix: NO_FIX,
    },
  ],
});
