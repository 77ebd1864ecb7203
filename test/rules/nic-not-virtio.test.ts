import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const nic = (model: string) => `
    <interface type='bridge'>
      <mac address='52:54:00:91:65:22'/>
      <source bridge='br0'/>
      <model type='${model}'/>
    </interface>`;

testRule({
  rule: 'nic-not-virtio',
  valid: [
    { name: 'virtio', xml: domainXml({ devices: nic('virtio') }) },
    { name: 'no model element', xml: domainXml({ devices: nic('virtio').replace("<model type='virtio'/>", '') }) },
  ],
  invalid: [
    { name: "the seed's e1000e", xml: domainXml({ devices: nic('«e1000e»') }), messages: ['NIC model e1000e is emulated'] },
    { name: 'rtl8139 and e1000', xml: domainXml({ devices: nic('«rtl8139»') + nic('«e1000»').replace('91:65:22', '91:65:23') }) },
  ],
});
