import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (dev: string, bus: string, address: string) => `
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/vm/games_mu_02.qcow2'/>
      <target dev='${dev}' bus='${bus}'/>
      ${address}
    </disk>`;

testRule({
  rule: 'address-type-mismatch',
  valid: [
    {
      name: 'a SATA disk with a drive address (the seed\'s "before")',
      xml: domainXml({ devices: disk('sda', 'sata', "<address type='drive' controller='0' bus='0' target='0' unit='0'/>") }),
    },
    {
      name: 'a virtio disk with a PCI address (the seed\'s "after")',
      xml: domainXml({
        machine: 'pc',
        devices: disk('vda', 'virtio', "<address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>"),
      }),
    },
    { name: 'a virtio disk without an address', xml: domainXml({ devices: disk('vda', 'virtio', '') }) },
  ],
  invalid: [
    {
      name: 'a SATA disk on a virtio-serial address',
      // With the controller the address names (without it libvirt first says it is missing).
      xml: domainXml({
        devices: `    <controller type='virtio-serial' index='0'/>\n${disk('sda', 'sata', "<address type='«virtio-serial»' controller='0' bus='0' port='1'/>")}`,
      }),
      libvirtSays: "Invalid address type 'virtio-serial' for the disk 'sda' with the bus type 'sata'",
    },
    {
      name: 'bus switched to virtio, drive address left behind',
      xml: domainXml({ devices: disk('vda', 'virtio', "<address type='«drive»' controller='0' bus='0' target='0' unit='0'/>") }),
      messages: ['Disk vda is on bus virtio but has a drive address'],
      libvirtSays: "virtio disk cannot have an address of type 'drive'",
    },
    {
      name: 'a SATA disk given a PCI address',
      xml: domainXml({
        machine: 'pc',
        devices: disk('sda', 'sata', "<address type='«pci»' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>"),
      }),
      messages: ['Disk sda is on bus sata but has a PCI address'],
      libvirtSays: "Invalid address type 'pci' for the disk 'sda' with the bus type 'sata'",
    },
    {
      name: 'an IDE disk given a PCI address',
      xml: domainXml({
        machine: 'pc',
        devices: disk('hda', 'ide', "<address type='«pci»' domain='0x0000' bus='0x00' slot='0x06' function='0x0'/>"),
      }),
      libvirtSays: "Invalid address type 'pci'",
    },
  ],
});
