import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const graphics = (attributes: string, inner = '') =>
  inner ? `    <graphics ${attributes}>\n      ${inner}\n    </graphics>` : `    <graphics ${attributes}/>`;

testRule({
  rule: 'graphics-invalid',
  valid: [
    {
      name: 'VNC on an address, with the old listen= the same',
      xml: domainXml({ devices: graphics("type='vnc' port='-1' listen='127.0.0.1'", "<listen type='address' address='127.0.0.1'/>") }),
    },
    { name: 'VNC on a network', xml: domainXml({ devices: graphics("type='vnc'", "<listen type='network' network='default'/>") }) },
    {
      name: 'SPICE on a socket',
      xml: domainXml({ devices: graphics("type='spice'", "<listen type='socket' socket='/tmp/lint-spice.sock'/>") }),
    },
    { name: 'a VNC password of 8 characters', xml: domainXml({ devices: graphics("type='vnc' passwd='12345678' connected='keep'") }) },
    {
      name: "SPICE with connected='disconnect'",
      xml: domainXml({ devices: graphics("type='spice' passwd='secret' connected='disconnect'") }),
    },
    { name: 'egl-headless beside VNC', xml: domainXml({ devices: `${graphics("type='vnc'")}\n${graphics("type='egl-headless'")}` }) },
    { name: 'D-Bus p2p without an address', xml: domainXml({ devices: graphics("type='dbus' p2p='yes'") }) },
  ],
  invalid: [
    {
      name: 'the old listen= differs from the first <listen>',
      xml: domainXml({ devices: graphics("type='vnc' listen='«0.0.0.0»'", "<listen type='address' address='127.0.0.1'/>") }),
      libvirtSays: "graphics 'listen' attribute '0.0.0.0' must match 'address' attribute of first listen element (found '127.0.0.1')",
      fixed: [
        {
          title: 'Remove listen= from <graphics>',
          output: domainXml({ devices: graphics("type='vnc'", "<listen type='address' address='127.0.0.1'/>") }),
        },
      ],
    },
    {
      name: 'the old socket= differs from the first <listen>',
      xml: domainXml({ devices: graphics("type='vnc' socket='«/tmp/a.sock»'", "<listen type='socket' socket='/tmp/b.sock'/>") }),
      libvirtSays: "graphics 'socket' attribute '/tmp/a.sock' must match 'socket' attribute of first listen element (found '/tmp/b.sock')",
    },
    {
      name: 'network= on an address listen',
      xml: domainXml({ devices: graphics("type='vnc'", "<listen type='address' network='«default»'/>") }),
      libvirtSays: "'network' attribute is valid only for listen type 'network'",
      fixed: [
        {
          title: "Change to type='network'",
          output: domainXml({ devices: graphics("type='vnc'", "<listen type='network' network='default'/>") }),
        },
      ],
    },
    {
      name: 'socket= on an address listen',
      xml: domainXml({ devices: graphics("type='spice'", "<listen type='address' socket='«/tmp/lint.sock»'/>") }),
      libvirtSays: "'socket' attribute is valid only for listen type 'socket'",
    },
    {
      name: 'a network listen without its network',
      xml: domainXml({ devices: graphics("type='vnc'", "<«listen» type='network'/>") }),
      libvirtSays: "'network' attribute is required for listen type 'network'",
      fixed: [
        {
          title: "Listen on network 'default'",
          output: domainXml({ devices: graphics("type='vnc'", "<listen type='network' network='default'/>") }),
        },
      ],
    },
    {
      name: 'a VNC password of 12 characters',
      xml: domainXml({ devices: graphics("type='vnc' passwd='«123456789012»'") }),
      libvirtSays: 'VNC password is 12 characters long, only 8 permitted',
      noFix: 'the password is for the user to choose',
    },
    {
      name: "VNC with connected='disconnect'",
      xml: domainXml({ devices: graphics("type='vnc' passwd='secret' connected='«disconnect»'") }),
      libvirtSays: "VNC supports connected='keep' only",
    },
    {
      name: 'egl-headless beside SDL',
      xml: domainXml({ devices: `${graphics("type='«sdl»'")}\n${graphics("type='egl-headless'")}` }),
      libvirtSays: "graphics type 'egl-headless' is only supported with one of: 'vnc', 'spice' graphics types",
    },
    {
      name: 'egl-headless beside SPICE with OpenGL',
      xml: domainXml({
        devices: `${graphics("type='spice'", "<listen type='none'/>\n      <gl enable='«yes»'/>")}\n${graphics("type='egl-headless'")}`,
      }),
      libvirtSays: 'multiple OpenGL displays are not supported by QEMU',
    },
    {
      name: 'D-Bus p2p with an address',
      xml: domainXml({ devices: graphics("type='dbus' p2p='yes' address='«unix:path=/tmp/lint-dbus»'") }),
      libvirtSays: 'D-Bus p2p with an address is not supported',
    },
  ],
});
