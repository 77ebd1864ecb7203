import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (type: string, source: string, device = 'disk', target = 'vdb', bus = 'virtio') => `
    <disk type=${type} device='${device}'>
      <driver name='qemu' type='raw'/>
      ${source}
      <target dev='${target}' bus='${bus}'/>
    </disk>`;

testRule({
  rule: 'disk-source-mismatch',
  libvirtSays: 'missing source information for device vdb',
  valid: [
    {
      name: "a physical disk: type='block' with <source dev>",
      xml: domainXml({ devices: disk("'block'", "<source dev='/dev/md/storage'/>") }),
    },
    { name: "an image: type='file' with <source file>", xml: domainXml({ devices: disk("'file'", "<source file='/vm/data.img'/>") }) },
    { name: 'an empty CD-ROM drive', xml: domainXml({ devices: disk("'file'", '', 'cdrom', 'sda', 'sata') }) },
    {
      name: 'a network disk is not checked',
      xml: domainXml({
        devices: disk("'network'", "<source protocol='nbd' name='export'><host name='nbd.example' port='10809'/></source>"),
      }),
    },
  ],
  invalid: [
    {
      name: "type='block' with <source file>",
      xml: domainXml({ devices: disk("'block'", "<source file='«/dev/sdb»'/>") }),
      messages: [
        "has type='block', which reads <source dev=...>; its file='/dev/sdb' is ignored and libvirt refuses the disk (\"missing source information for device vdb\")",
      ],
    },
    {
      name: "type='file' with <source dev>",
      xml: domainXml({ devices: disk("'file'", "<source dev='«/vm/data.img»'/>") }),
      messages: ["Use type='block'"],
    },
    {
      name: 'a disk without any source',
      xml: domainXml({ devices: disk("'«block»'", '') }),
      messages: ['Disk vdb has no source'],
      noFix: 'only the user knows the image or device path',
    },
    {
      name: 'a disk with an empty <source/>',
      xml: domainXml({ devices: disk("'block'", '<«source»/>') }),
      noFix: 'only the user knows the device path',
    },
    {
      name: "a CD-ROM with type='file' and <source dev>: accepted, the drive is left empty (a warning)",
      xml: domainXml({ devices: disk("'file'", "<source dev='«/dev/cdrom»'/>", 'cdrom', 'sda', 'sata') }),
      messages: [/is ignored: libvirt accepts it and leaves the cdrom empty \(no medium\)\. Use type='block'/],
      libvirt: 'accepts',
    },
    {
      name: "a floppy with type='block' and <source file>: likewise",
      xml: domainXml({ devices: disk("'block'", "<source file='«/vm/boot.img»'/>", 'floppy', 'fda', 'fdc') }),
      messages: [/leaves the floppy empty/],
      libvirt: 'accepts',
    },
    {
      name: 'no type attribute means file',
      xml: domainXml({ devices: disk("'file'", "<source dev='«/dev/sdc»'/>").replace("type='file' ", '') }),
    },
  ],
});
