import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (dev: string, bus = 'virtio', device = 'disk') =>
  `    <disk type='file' device='${device}'>\n      <source file='/vm/a.img'/>\n      <target dev='${dev}' bus='${bus}'/>\n    </disk>\n`;

testRule({
  rule: 'disk-target-invalid',
  valid: [
    { name: 'vda, sdb, vdaa', xml: domainXml({ devices: disk('vda') + disk('sdb', 'sata') + disk('vdaa') }) },
    { name: 'a floppy fda', xml: domainXml({ machine: 'pc', devices: disk('fda', 'fdc', 'floppy') }) },
  ],
  invalid: [
    {
      name: 'a name libvirt cannot read',
      xml: domainXml({ devices: disk('«xyz»') }),
      messages: ["'xyz' is not a hard disk name"],
      libvirtSays: "Unknown disk name 'xyz'",
    },
    {
      name: 'a cdrom called disk1',
      xml: domainXml({ devices: disk('«disk1»', 'sata', 'cdrom') }),
      messages: ["libvirt cannot read the disk name 'disk1'"],
      libvirtSays: "Unknown disk name 'disk1'",
    },
  ],
});
