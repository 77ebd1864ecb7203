import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const port = (index: number, mark = false) =>
  `    <${mark ? '«controller»' : 'controller'} type='pci' index='${index}' model='pcie-root-port'>\n      <target chassis='${index}' port='0x${(15 + index).toString(16)}'/>\n      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x${index - 1}'${index === 1 ? " multifunction='on'" : ''}/>\n    </controller>`;
const disk = (bus: number, dev: string) =>
  `    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source file='/var/lib/libvirt/images/${dev}.qcow2'/>\n      <target dev='${dev}' bus='virtio'/>\n      <address type='pci' domain='0x0000' bus='0x0${bus}' slot='0x00' function='0x0'/>\n    </disk>`;

testRule({
  rule: 'no-free-pcie-root-port',
  valid: [
    { name: 'a spare root port', xml: domainXml({ devices: [port(1), port(2), disk(1, 'vda')].join('\n') }) },
    {
      name: 'i440fx has no root ports',
      xml: domainXml({ machine: 'pc', devices: disk(0, 'vda').replace("bus='0x00' slot='0x00'", "bus='0x00' slot='0x05'") }),
    },
  ],
  invalid: [
    {
      name: 'every root port holds a device (a dumpxml of a guest without spares)',
      xml: domainXml({ devices: [port(1), port(2, true), disk(1, 'vda'), disk(2, 'vdb')].join('\n') }),
      messages: ['All 2 pcie-root-ports hold a device: hot-plugging a disk or NIC into the running guest will fail'],
    },
  ],
});
