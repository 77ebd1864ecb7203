import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

/** A user-mode NIC of a model with a <driver>. */
const nic = (driver: string, model = "<model type='virtio'/>", type = 'user', source = '') =>
  domainXml({
    devices: `    <interface type='${type}'>\n${source}${model ? `      ${model}\n` : ''}      <driver ${driver}/>\n    </interface>`,
  });
const vhostUser = "      <source type='unix' path='/run/vhost-user.sock' mode='server'/>\n";

testRule({
  rule: 'nic-queue-size-invalid',
  valid: [
    { name: 'ring sizes of 256 on a virtio NIC', xml: nic("rx_queue_size='256' tx_queue_size='256'") },
    { name: 'an RX ring of 1024', xml: nic("rx_queue_size='1024'") },
    { name: 'a TX ring of 1024 on vhost-user', xml: nic("tx_queue_size='1024'", undefined, 'vhostuser', vhostUser) },
    { name: 'virtio-non-transitional', xml: nic("rx_queue_size='512'", "<model type='virtio-non-transitional'/>") },
  ],
  invalid: [
    {
      name: 'an RX ring that is not a power of two',
      xml: nic("rx_queue_size='«300»'"),
      libvirtSays: 'rx_queue_size has to be a power of two',
      fixed: [{ title: 'Change to 256', output: nic("rx_queue_size='256'") }],
    },
    {
      name: 'a TX ring that is not a power of two',
      xml: nic("tx_queue_size='«1000»'"),
      libvirtSays: 'tx_queue_size has to be a power of two',
      fixed: [{ title: 'Change to 256', output: nic("tx_queue_size='256'") }],
    },
    {
      name: 'a size that is not a number',
      xml: nic("rx_queue_size='«big»'"),
      libvirtSays: "Invalid value for attribute 'rx_queue_size' in element 'driver': 'big'. Expected non-negative integer value",
      noFix: 'the size is for the user to choose',
    },
    {
      name: 'an RX ring below 256: QEMU refuses to start',
      xml: nic("rx_queue_size='«128»'"),
      libvirt: 'accepts',
      fixed: [{ title: 'Change to 256', output: nic("rx_queue_size='256'") }],
    },
    {
      name: 'an RX ring above 1024: QEMU refuses to start',
      xml: nic("rx_queue_size='«4096»'"),
      libvirt: 'accepts',
      fixed: [{ title: 'Change to 1024', output: nic("rx_queue_size='1024'") }],
    },
    {
      name: 'a TX ring of 512 on a user-mode backend',
      xml: nic("tx_queue_size='«512»'"),
      libvirt: 'accepts',
      fixed: [{ title: 'Change to 256', output: nic("tx_queue_size='256'") }],
    },
    {
      name: 'ring sizes on an e1000 NIC are dropped',
      xml: nic("rx_queue_size='«512»'", "<model type='e1000'/>"),
      fixed: [{ title: 'Remove rx_queue_size=', output: nic('', "<model type='e1000'/>").replace('<driver />', '<driver/>') }],
    },
    {
      name: 'ring sizes on a NIC without a model are dropped',
      xml: nic("tx_queue_size='«256»'", ''),
    },
  ],
});
