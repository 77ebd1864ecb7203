import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'disk-device-unsupported',
  valid: [
    {
      name: 'a read-only IDE cdrom',
      xml: domainXml({
        machine: 'pc',
        devices: "    <disk type='file' device='cdrom'>\n      <target dev='hdc' bus='ide'/>\n      <readonly/>\n    </disk>",
      }),
    },
  ],
  invalid: [
    {
      name: 'a LUN on an image file',
      xml: domainXml({
        devices:
          "    <disk type='file' device='«lun»'>\n      <source file='/var/lib/libvirt/images/lint.img'/>\n      <target dev='sda' bus='scsi'/>\n    </disk>",
      }),
      libvirtSays: "disk device='lun' is only valid for block type disk source",
      noFix: 'a LUN needs a block device the user names',
    },
    {
      name: 'a read-only IDE hard disk',
      xml: domainXml({
        machine: 'pc',
        devices:
          "    <disk type='file' device='disk'>\n      <source file='/var/lib/libvirt/images/lint.img'/>\n      <target dev='hda' bus='ide'/>\n      <«readonly»/>\n    </disk>",
      }),
      libvirtSays: 'readonly ide disks are not supported',
      noFix: 'whether it is a cdrom or writable is for the user to say',
    },
  ],
});
