import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const TABLET = "    <input type='tablet' bus='usb'/>";
const NO_USB = "    <controller type='usb' model='none'/>";
const XHCI = "    <controller type='usb' model='qemu-xhci'/>";
const aarch64 = (devices: string) => domainXml({ arch: 'aarch64', machine: 'virt', devices });

testRule({
  rule: 'usb-disabled-with-devices',
  libvirtSays: 'USB',
  valid: [
    { name: 'a USB tablet on x86 (libvirt adds the USB controller)', xml: domainXml({ devices: TABLET }) },
    { name: 'no USB at all', xml: domainXml({ devices: NO_USB }) },
    { name: 'a USB tablet on aarch64 with its controller', xml: aarch64(`${XHCI}\n${TABLET}`) },
  ],
  invalid: [
    {
      name: "a USB tablet with model='none'",
      xml: domainXml({ devices: `${NO_USB}\n    <«input» type='tablet' bus='usb'/>` }),
      messages: ["This USB input needs USB, and model='none' disables USB"],
      noFix: "whether USB should be on is for the user to say: remove model='none' or the device",
    },
    {
      name: 'a USB tablet on aarch64 without a USB controller',
      xml: aarch64("    <«input» type='tablet' bus='usb'/>"),
      messages: ['an aarch64 guest has no USB controller unless one is written'],
      fixed: [{ title: "Add <controller type='usb' model='qemu-xhci'/>", output: aarch64(`${TABLET}\n${XHCI}`) }],
    },
    {
      name: "a second USB controller beside model='none'",
      xml: domainXml({ devices: `${NO_USB}\n    <«controller» type='usb' model='qemu-xhci'/>` }),
      libvirtSays: "Can't add another USB controller: USB is disabled for this domain",
      noFix: 'which of the two is meant is for the user to say',
    },
  ],
});
