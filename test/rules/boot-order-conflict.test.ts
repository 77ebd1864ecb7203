import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (boot: string) => `
    <disk type='file' device='disk'>
      <source file='/vm/a.qcow2'/>
      <target dev='vda' bus='virtio'/>
      ${boot}
    </disk>`;

testRule({
  rule: 'boot-order-conflict',
  libvirtSays: 'per-device boot elements cannot be used together with os/boot elements',
  valid: [
    { name: 'only <os><boot dev>', xml: domainXml({ os: "    <boot dev='hd'/>\n    <boot dev='cdrom'/>", devices: disk('') }) },
    { name: 'only per-device boot order', xml: domainXml({ devices: disk("<boot order='1'/>") }) },
  ],
  invalid: [
    {
      name: 'both kinds',
      xml: domainXml({ os: "    <«boot» dev='hd'/>", devices: disk("<«boot» order='1'/>") }),
      messages: ['<os><boot dev> cannot be combined', 'Per-device <boot order> cannot be combined'],
    },
  ],
});
