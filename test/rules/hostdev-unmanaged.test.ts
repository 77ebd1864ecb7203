import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const hostdev = (attributes: string) => `
    <hostdev mode='subsystem' type='pci'${attributes}>
      <source>
        <address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>
      </source>
    </hostdev>`;

testRule({
  rule: 'hostdev-unmanaged',
  valid: [
    { name: "managed='yes'", xml: domainXml({ devices: hostdev(" managed='yes'") }) },
    {
      name: 'a USB hostdev is not checked',
      xml: domainXml({
        devices: "    <hostdev mode='subsystem' type='usb'><source><vendor id='0x046d'/><product id='0xc52b'/></source></hostdev>",
      }),
    },
  ],
  invalid: [
    {
      name: 'no managed attribute',
      xml: domainXml({ devices: hostdev('').replace('<hostdev', '<«hostdev»') }),
      messages: ["is not managed='yes'"],
    },
    { name: "managed='no'", xml: domainXml({ devices: hostdev(" managed='«no»'") }) },
    {
      name: "managed='true', which libvirt reads as no",
      xml: domainXml({ devices: hostdev(" managed='«true»'") }),
      messages: ["libvirt reads managed='true' as 'no'"],
    },
  ],
});
