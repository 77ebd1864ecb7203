import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const input = (type: string, port: string) =>
  `    <input type='${type}' bus='usb'>\n      <address type='usb' bus='0' port=${port}/>\n    </input>\n`;

testRule({
  rule: 'usb-port-conflict',
  libvirtSays: 'Duplicate USB address bus 0 port 1',
  valid: [
    { name: 'two ports', xml: domainXml({ devices: input('tablet', "'1'") + input('keyboard', "'2'") }) },
    { name: 'no addresses', xml: domainXml({ devices: "    <input type='tablet' bus='usb'/>\n    <input type='keyboard' bus='usb'/>" }) },
  ],
  invalid: [
    {
      name: 'tablet and keyboard on port 1',
      xml: domainXml({ devices: input('tablet', "'«1»'") + input('keyboard', "'«1»'") }),
      messages: ['USB bus 0 port 1 is also used by input keyboard', 'also used by input tablet'],
    },
  ],
});
