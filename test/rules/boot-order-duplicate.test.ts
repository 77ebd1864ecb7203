import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (dev: string, order: string) =>
  `    <disk type='file' device='disk'>\n      <source file='/vm/${dev}.img'/>\n      <target dev='${dev}' bus='virtio'/>\n      <boot order=${order}/>\n    </disk>\n`;

testRule({
  rule: 'boot-order-duplicate',
  libvirtSays: "boot order '1' used for more than one device",
  valid: [{ name: '1 and 2', xml: domainXml({ devices: disk('vda', "'1'") + disk('vdb', "'2'") }) }],
  invalid: [
    {
      name: 'two disks with order 1',
      xml: domainXml({ devices: disk('vda', "'«1»'") + disk('vdb', "'«1»'") }),
      messages: ['Boot order 1 is given to 2 devices'],
    },
    {
      name: "'1' and '01' are the same order",
      xml: domainXml({ devices: disk('vda', "'«1»'") + disk('vdb', "'«01»'") }),
      libvirtSays: 'used for more than one device',
    },
  ],
});
