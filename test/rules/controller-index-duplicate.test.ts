import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'controller-index-duplicate',
  libvirtSays: "Multiple 'sata' controllers with index '0'",
  valid: [
    {
      name: 'two SATA controllers with indexes 0 and 1',
      xml: domainXml({ devices: "    <controller type='sata' index='0'/>\n    <controller type='sata' index='1'/>" }),
    },
    {
      name: 'USB companion controllers share an index',
      xml: domainXml({
        machine: 'pc',
        devices:
          "    <controller type='usb' index='0' model='ich9-ehci1'><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x7'/></controller>\n    <controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0' multifunction='on'/></controller>",
      }),
    },
    {
      name: 'a SATA and a SCSI controller with index 0',
      xml: domainXml({ devices: "    <controller type='sata' index='0'/>\n    <controller type='scsi' index='0' model='virtio-scsi'/>" }),
    },
  ],
  invalid: [
    {
      name: 'two SATA controllers with index 0',
      xml: domainXml({ devices: "    <controller type='sata' index='«0»'/>\n    <controller type='sata' index='«0»'/>" }),
      messages: ["There are 2 'sata' controllers with index 0"],
    },
  ],
});
