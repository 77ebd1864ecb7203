import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'input-bus-invalid',
  valid: [
    { name: 'a USB tablet', xml: domainXml({ devices: "    <input type='tablet' bus='usb'/>" }) },
    { name: 'a ps2 mouse', xml: domainXml({ machine: 'pc', devices: "    <input type='mouse' bus='ps2'/>" }) },
  ],
  invalid: [
    {
      name: 'a tablet on ps2',
      xml: domainXml({ devices: "    <input type='tablet' bus='«ps2»'/>" }),
      libvirtSays: 'ps2 bus does not support tablet input device',
      fixed: [{ title: "Change to bus='usb'", output: domainXml({ devices: "    <input type='tablet' bus='usb'/>" }) }],
    },
    {
      name: 'a keyboard on the xen bus',
      xml: domainXml({ devices: "    <input type='keyboard' bus='«xen»'/>" }),
      libvirtSays: 'unsupported input bus xen',
    },
  ],
});
