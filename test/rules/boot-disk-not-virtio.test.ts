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
    {
      name: 'booting from a virtio disk by boot order, with a SATA data disk first',
      xml: domainXml({ devices: disk('sda', "'sata'") + disk('vda', "'virtio'", "\n      <boot order='1'/>") }),
    },
    { name: 'booting from the network', xml: domainXml({ os: "    <boot dev='network'/>", devices: disk('sda', "'sata'") }) },
    {
      name: 'a SATA CD-ROM before a virtio disk',
      xml: domainXml({ devices: disk('sda', "'sata'", '', 'cdrom') + disk('vda', "'virtio'") }),
    },
  ],
  invalid: [
    {
      name: "the seed's SATA Windows disk",
      xml: domainXml({ os: "    <boot dev='hd'/>", devices: disk('sda', "'«sata»'") }),
      messages: ['The boot disk sda is on bus sata'],
    },
    {
      name: 'no boot element: the first disk',
      xml: domainXml({ machine: 'pc', devices: disk('hda', "'«ide»'") + disk('vdb', "'virtio'") }),
    },
    {
      name: 'the disk with boot order 1',
      xml: domainXml({
        devices: disk('vda', "'virtio'", "\n      <boot order='2'/>") + disk('sdb', "'«scsi»'", "\n      <boot order='1'/>"),
      }),
    },
    {
      name: 'a SATA disk with a drive address on q35 is converted onto a new pcie-root-port',
      xml: domainXml({
        os: "    <boot dev='hd'/>",
        devices: disk('sda', "'«sata»'", "\n      <address type='drive' controller='0' bus='0' target='0' unit='0'/>"),
      }),
      fixed: [
        {
          title: 'Convert sda to virtio',
          output: domainXml({
            os: "    <boot dev='hd'/>",
            devices:
              disk('vda', "'virtio'", "\n      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>") +
              "\n    <controller type='pci' index='1' model='pcie-root-port'>\n      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n    </controller>",
          }).replace('/vm/vda.img', '/vm/sda.img'),
        },
      ],
    },
    {
      name: 'a Windows guest is told about the driver',
      xml: domainXml({ features: "    <hyperv mode='custom'><relaxed state='on'/></hyperv>", devices: disk('sda', "'«sata»'") }),
      messages: ['install the virtio storage driver first'],
    },
  ],
});
