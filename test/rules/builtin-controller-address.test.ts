import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const usb = (slot: string, fn: string, model = " model='piix3-uhci'") =>
  `    <controller type='usb' index='0'${model}>\n      <address type='pci' domain='0x0000' bus='0x00' slot='${slot}' function='${fn}'/>\n    </controller>`;

testRule({
  rule: 'builtin-controller-address',
  valid: [
    { name: 'the PIIX3 USB at 00:01.2', xml: domainXml({ machine: 'pc', devices: usb('0x01', '0x2') }) },
    {
      name: 'a qemu-xhci USB controller 0 elsewhere',
      xml: domainXml({ machine: 'pc', devices: usb('0x05', '0x0', " model='qemu-xhci'") }),
    },
  ],
  invalid: [
    {
      name: 'the PIIX3 USB moved to 00:05.0',
      xml: domainXml({ machine: 'pc', devices: usb('0x05', '0x0').replace("<address type='pci'", "<address type='«pci»'") }),
      libvirtSays: 'PIIX3 USB controller at index 0 must have PCI address 0:0:1.2',
      fixed: [
        {
          title: 'Remove the address (libvirt puts it at its slot)',
          output: domainXml({ machine: 'pc', devices: "    <controller type='usb' index='0' model='piix3-uhci'>\n    </controller>" }),
        },
      ],
    },
    {
      name: 'IDE controller 0 of model piix4 off 00:01.1',
      xml: domainXml({
        machine: 'pc',
        devices:
          "    <controller type='ide' index='0' model='piix4'>\n      <address type='«pci»' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>\n    </controller>",
      }),
      libvirtSays: 'Primary IDE controller must have PCI address 0:0:1.1',
    },
  ],
});
