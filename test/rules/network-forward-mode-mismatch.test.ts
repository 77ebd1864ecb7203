import { networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const NO_IP = '';

testRule({
  rule: 'network-forward-mode-mismatch',
  valid: [
    {
      name: 'a NAT network',
      xml: networkXml({ forward: "  <forward mode='nat'>\n    <nat>\n      <port start='1024' end='65535'/>\n    </nat>\n  </forward>" }),
    },
    { name: 'a routed network through one device', xml: networkXml({ forward: "  <forward mode='route' dev='eth0'/>" }) },
    { name: 'an isolated network with <mtu>', xml: networkXml({ extra: "  <mtu size='9000'/>" }) },
    {
      name: 'a bridge to a host bridge',
      xml: networkXml({ forward: "  <forward mode='bridge'/>", bridge: "  <bridge name='br0'/>", ip: NO_IP }).replace('  \n', ''),
    },
    {
      name: 'macvtap over two devices',
      xml: `<network>\n  <name>lint-net</name>\n  <forward mode='private'>\n    <interface dev='eth0'/>\n    <interface dev='eth1'/>\n  </forward>\n</network>\n`,
    },
  ],
  invalid: [
    {
      name: '<nat> in a routed network',
      xml: networkXml({ forward: "  <forward mode='route'>\n    <«nat»/>\n  </forward>" }),
      libvirtSays: "The <nat> element can only be used when <forward> 'mode' is 'nat'",
      fixed: [{ title: 'Remove <nat>', output: networkXml({ forward: "  <forward mode='route'>\n  </forward>" }) }],
    },
    {
      name: 'a NAT network without <ip>',
      xml: `<network>\n  <name>lint-net</name>\n  <«forward» mode='nat'/>\n  <bridge name='lvt0'/>\n</network>\n`,
      libvirtSays: 'nat forwarding requested, but no IP address provided',
      noFix: 'which device or address was meant is for the user to say',
    },
    {
      name: '<forward/> without mode is NAT, and needs an <ip>',
      xml: `<network>\n  <name>lint-net</name>\n  <«forward»/>\n  <bridge name='lvt0'/>\n</network>\n`,
      libvirtSays: 'nat forwarding requested',
      noFix: 'which device or address was meant is for the user to say',
    },
    {
      name: 'two forward interfaces in a NAT network',
      xml: networkXml({ forward: "  <forward mode='nat'>\n    <interface dev='eth0'/>\n    <«interface» dev='eth1'/>\n  </forward>" }),
      libvirtSays: 'multiple forwarding interfaces specified',
      noFix: 'which device or address was meant is for the user to say',
    },
    {
      name: 'an open network through a device',
      xml: networkXml({ forward: "  <forward mode='open' dev='«eth0»'/>" }),
      libvirtSays: "forward dev not allowed for network 'lint-test",
      fixed: [{ title: 'Remove dev=', output: networkXml({ forward: "  <forward mode='open'/>" }) }],
    },
    {
      name: 'a forward dev that is not the first interface',
      xml: networkXml({ forward: "  <forward mode='route' dev='«eth0»'>\n    <interface dev='eth1'/>\n  </forward>" }),
      libvirtSays: "<forward dev='eth0'> must match first <interface dev='eth1'/>",
      noFix: 'which device or address was meant is for the user to say',
    },
    {
      name: 'an interface listed twice',
      xml: `<network>\n  <name>lint-net</name>\n  <forward mode='bridge'>\n    <interface dev='eth1'/>\n    <«interface» dev='eth1'/>\n  </forward>\n</network>\n`,
      libvirtSays: "interface 'eth1' can only be listed once",
    },
    {
      name: '<ip> in a bridge network',
      xml: networkXml({
        forward: "  <forward mode='bridge'/>",
        bridge: "  <bridge name='br0'/>",
        ip: "  <«ip» address='10.231.0.1' prefix='24'/>",
      }),
      libvirtSays: 'Unsupported <ip> element in network lint-test',
    },
    {
      name: 'stp= on the bridge of a bridge network',
      xml: networkXml({ forward: "  <forward mode='bridge'/>", bridge: "  <bridge name='br0' stp='«on»'/>", ip: NO_IP }).replace(
        '  \n',
        '',
      ),
      libvirtSays: 'bridge delay/stp/zone options only allowed in route, nat, and isolated mode, not in bridge',
    },
    {
      name: '<mtu> in a bridge network',
      xml: networkXml({
        forward: "  <forward mode='bridge'/>",
        bridge: "  <bridge name='br0'/>",
        ip: NO_IP,
        extra: "  <«mtu» size='9000'/>",
      }).replace('  \n', ''),
      libvirtSays: 'mtu size only allowed in open, route, nat, and isolated mode, not in bridge',
    },
    {
      name: 'a bridge name and forward devices',
      xml: networkXml({
        forward: "  <forward mode='bridge'>\n    <interface dev='eth0'/>\n  </forward>",
        bridge: "  <bridge name='«br0»'/>",
        ip: NO_IP,
      }).replace('  \n', ''),
      libvirtSays: "A network with forward mode='bridge' can specify a bridge name or a forward dev, but not both",
      noFix: 'which device or address was meant is for the user to say',
    },
    {
      name: 'a bridge name in passthrough mode',
      xml: networkXml({
        forward: "  <forward mode='passthrough'>\n    <interface dev='eth0'/>\n  </forward>",
        bridge: "  <bridge name='«br0»'/>",
        ip: NO_IP,
      }).replace('  \n', ''),
      libvirtSays: 'bridge name not allowed in passthrough mode',
    },
    {
      name: 'a device name in a hostdev network',
      xml: `<network>\n  <name>lint-net</name>\n  <forward mode='hostdev'>\n    <«interface» dev='eth0'/>\n  </forward>\n</network>\n`,
      libvirtSays: 'hostdev networks require all devices to be listed by PCI address',
      noFix: 'which device or address was meant is for the user to say',
    },
    {
      name: 'two <pf>',
      xml: `<network>\n  <name>lint-net</name>\n  <forward mode='passthrough'>\n    <pf dev='eth0'/>\n    <«pf» dev='eth1'/>\n  </forward>\n</network>\n`,
      libvirtSays: 'Only one <pf> element is allowed',
      noFix: 'which device or address was meant is for the user to say',
    },
  ],
});
