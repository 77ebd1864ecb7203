import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (file: string, target: string, bus = 'virtio', device = 'disk') => `
    <disk type='file' device='${device}'>
      <source file='/vm/${file}'/>
      <target dev='${target}' bus='${bus}'/>
    </disk>`;

testRule({
  rule: 'disk-target-duplicate',
  libvirtSays: 'duplicated for disk sources',
  valid: [
    { name: 'vda and vdb', xml: domainXml({ devices: disk('a.qcow2', 'vda') + disk('b.qcow2', 'vdb') }) },
    { name: 'sda and vda', xml: domainXml({ devices: disk('a.qcow2', 'sda', 'sata') + disk('b.qcow2', 'vda') }) },
  ],
  invalid: [
    {
      name: 'a copied disk that kept its target',
      xml: domainXml({ devices: disk('a.qcow2', '«vda»') + disk('b.qcow2', '«vda»') }),
      messages: ["Target 'vda' is used by 2 disks", "Target 'vda' is used by 2 disks"],
    },
    {
      name: 'a cdrom and a disk with one target',
      xml: domainXml({ devices: disk('a.qcow2', '«sda»', 'sata') + disk('b.iso', '«sda»', 'sata', 'cdrom') }),
    },
  ],
});
