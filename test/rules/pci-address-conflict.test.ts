import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const virtioDisk = (file: string, dev: string, slot: string) => `
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/vm/${file}.qcow2'/>
      <target dev='${dev}' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x00' slot=${slot} function='0x0'/>
    </disk>`;

const nic = (slot: string, fn = "'0x0'") => `
    <interface type='network'>
      <source network='default'/>
      <model type='virtio'/>
      <address type='pci' domain='0x0000' bus='0x00' slot=${slot} function=${fn}/>
    </interface>`;

testRule({
  rule: 'pci-address-conflict',
  libvirtSays: 'Attempted double use of PCI Address',
  valid: [
    { name: 'two devices on different slots', xml: domainXml({ devices: virtioDisk('a', 'vda', "'0x04'") + nic("'0x05'") }) },
    {
      name: 'two functions of one multifunction slot',
      xml: domainXml({ machine: 'pc', devices: nic("'0x05'", "'0x0' multifunction='on'") + nic("'0x05'", "'0x1'") }),
    },
    {
      name: "the SATA controller at q35's own 00:1f.2",
      xml: domainXml({
        devices:
          "    <controller type='sata' index='0'><address type='pci' domain='0x0000' bus='0x00' slot='0x1f' function='0x2'/></controller>",
      }),
    },
    {
      name: "the IDE and USB controllers at i440fx's own 00:01.1 and 00:01.2",
      xml: domainXml({
        machine: 'pc-i440fx-7.2',
        devices:
          "    <controller type='ide' index='0'><address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x1'/></controller>\n    <controller type='usb' index='0' model='piix3-uhci'><address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x2'/></controller>",
      }),
    },
    {
      name: 'the same slot number written in decimal and hex on different buses',
      xml: domainXml({ machine: 'pc', devices: nic("'4'") + virtioDisk('a', 'vda', "'0x05'") }),
    },
    {
      name: 'an empty 0000:00:00 address, which libvirt assigns itself',
      xml: domainXml({ devices: nic("'0x00'") + virtioDisk('a', 'vda', "'0x00'") }),
    },
    { name: "q35's 00:1f.x on i440fx", xml: domainXml({ machine: 'pc', devices: nic("'0x1f'", "'0x2'") }) },
  ],
  invalid: [
    {
      name: "a converted disk put on the slot of the NIC (the seed's slot 0x04 mistake)",
      xml: domainXml({ machine: 'pc', devices: virtioDisk('win', 'vda', "'«0x04»'") + nic("'«0x04»'") }),
      messages: ['0000:00:04.0 is also used by interface', '0000:00:04.0 is also used by disk vda'],
    },
    {
      name: 'the same address written differently (4 and 0x04)',
      xml: domainXml({ machine: 'pc', devices: nic("'«4»'") + virtioDisk('a', 'vda', "'«0x04»'") }),
      messages: ['also used by disk vda', 'also used by interface'],
    },
    {
      name: 'three devices on one slot are each reported',
      xml: domainXml({ devices: nic("'«0x03»'") + virtioDisk('a', 'vda', "'«0x03»'") + virtioDisk('b', 'vdb', "'«0x03»'") }),
      messages: ['disk vda, disk vdb', 'interface, disk vdb', 'interface, disk vda'],
    },
    {
      name: "a device on q35's LPC bridge at 00:1f.0",
      xml: domainXml({ devices: virtioDisk('a', 'vda', "'«0x1f»'") }),
      messages: ['used by the ICH9 LPC bridge'],
    },
    {
      name: "a NIC on q35's SATA controller address",
      xml: domainXml({ devices: nic("'«0x1f»'", "'0x2'") }),
      libvirtSays: 'Attempted double use of PCI Address 0000:00:1f.2',
      messages: ['ICH9 SATA controller'],
    },
    {
      name: "a device on i440fx's PIIX3 slot 1",
      xml: domainXml({ machine: 'pc-i440fx-7.2', devices: nic("'«0x01»'", "'0x3'") }),
      messages: ['PIIX4 ACPI'],
    },
  ],
});
