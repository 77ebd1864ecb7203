import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const pciHostdev = (bus: string, fn: string, mark = false) => `
    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source>
        <${mark ? '«address»' : 'address'} domain='0x0000' bus='${bus}' slot='0x00' function='${fn}'/>
      </source>
    </hostdev>`;

const usbHostdev = (vendor: string, product: string, mark = false) => `
    <hostdev mode='subsystem' type='usb' managed='yes'>
      <source>
        <${mark ? '«vendor»' : 'vendor'} id='${vendor}'/>
        <product id='${product}'/>
      </source>
    </hostdev>`;

testRule({
  rule: 'hostdev-duplicate',
  libvirtSays: 'Hostdev already exists in the domain configuration',
  valid: [
    {
      name: 'the video and audio functions of one GPU',
      xml: domainXml({ devices: pciHostdev('0x27', '0x0') + pciHostdev('0x27', '0x1') }),
    },
    { name: 'two different USB devices', xml: domainXml({ devices: usbHostdev('0x046d', '0xc52b') + usbHostdev('0x046d', '0xc077') }) },
  ],
  invalid: [
    {
      name: 'the same GPU function twice',
      xml: domainXml({ devices: pciHostdev('0x27', '0x0', true) + pciHostdev('0x27', '0x0', true) }),
      messages: ['Host device PCI 0000:27:00.0 is passed through 2 times'],
    },
    {
      name: 'the same function written in decimal and hex',
      xml: domainXml({ devices: pciHostdev('0x27', '0x1', true) + pciHostdev('39', '1', true) }),
    },
    {
      name: 'the same USB device twice',
      xml: domainXml({ devices: usbHostdev('0x046d', '0xc52b', true) + usbHostdev('0x046d', '0xc52b', true) }),
      messages: ['USB 0x046d:0xc52b'],
    },
  ],
});
