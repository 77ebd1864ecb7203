import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (dev: string, bus: string, extra = '', device = 'disk') => `
    <disk type='file' device='${device}'>
      <source file='/vm/${dev}.img'/>
      <target dev='${dev}' bus=${bus}/>${extra}
    </disk>`;

testRule({
  rule: 'boot-disk-not-virtio',
  valid: [
    { name: 'a virtio boot disk', xml: domainXml({ devices: disk('vda', "'virtio'") }) },
    { name: 'booting from a virtio disk by boot order, with a SATA data disk first', xml: domainXml({ devices: disk('sda', "'sata'") + disk('vda', "'virtio'", "\n      <boot order='1'/>") }) },
    { name: 'booting from the network', xml: domainXml({ os: "    <boot dev='network'/>", devices: disk('sda', "'sata'") }) },
    { name: 'a SATA CD-ROM before a virtio disk', xml: domainXml({ devices: disk('sda', "'sata'", '', 'cdrom') + disk('vda', "'virtio'") }) },
  ],
  invalid: [
    { name: "the seed's SATA Windows disk", xml: domainXml({ os: "    <boot dev='hd'/>", devices: disk('sda', "'«sata»'") }), messages: ['The boot disk sda is on bus sata'] },
    { name: 'no boot element: the first disk', xml: domainXml({ machine: 'pc', devices: disk('hda', "'«ide»'") + disk('vdb', "'virtio'") }) },
    { name: 'the disk with boot order 1', xml: domainXml({ devices: disk('vda', "'virtio'", "\n      <boot order='2'/>") + disk('sdb', "'«scsi»'", "\n      <boot order='1'/>") }) },
    { name: 'a Windows guest is told about the driver', xml: domainXml({ features: "    <hyperv mode='custom'><relaxed state='on'/></hyperv>", devices: disk('sda', "'«sata»'") }), messages: ['install the virtio storage driver first'] },
  ],
});
