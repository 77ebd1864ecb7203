import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const pciSource = "      <source>\n        <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n      </source>";
const pci = (attributes: string, inner = pciSource) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'${attributes}>\n${inner}\n    </hostdev>`;
const usbSource = "      <source>\n        <vendor id='0x1234'/>\n        <product id='0xbeef'/>\n      </source>";

testRule({
  rule: 'hostdev-type-mismatch',
  valid: [
    { name: 'a PCI hostdev', xml: domainXml({ devices: pci('') }) },
    {
      name: 'a USB hostdev with a startup policy',
      xml: domainXml({
        devices:
          "    <hostdev mode='subsystem' type='usb'>\n      <source startupPolicy='optional'>\n        <vendor id='0x1234'/>\n        <product id='0xbeef'/>\n      </source>\n    </hostdev>",
      }),
    },
    {
      name: 'a vhost-scsi hostdev with its model',
      xml: domainXml({
        devices:
          "    <hostdev mode='subsystem' type='scsi_host' model='virtio'>\n      <source protocol='vhost' wwpn='naa.5123456789abcde0'/>\n    </hostdev>",
      }),
    },
  ],
  invalid: [
    {
      name: "model='vfio-pci' on a PCI hostdev",
      xml: domainXml({ devices: pci(" model='«vfio-pci»'") }),
      libvirtSays: "'model' attribute in <hostdev> is only supported when type='pci'",
      fixed: [{ title: 'Remove model=', output: domainXml({ devices: pci('') }) }],
    },
    {
      name: 'a startup policy on a PCI hostdev',
      xml: domainXml({ devices: pci('', pciSource.replace('<source>', "<source startupPolicy='«optional»'>")) }),
      libvirtSays: 'Setting startupPolicy is only allowed for USB devices',
      fixed: [{ title: 'Remove startupPolicy=', output: domainXml({ devices: pci('') }) }],
    },
    {
      name: 'sgio on a USB hostdev',
      xml: domainXml({ devices: `    <hostdev mode='subsystem' type='usb' sgio='«filtered»'>\n${usbSource}\n    </hostdev>` }),
      libvirtSays: 'sgio is only supported for scsi host device',
    },
    {
      name: 'rawio on a PCI hostdev',
      xml: domainXml({ devices: pci(" rawio='«yes»'") }),
      libvirtSays: 'rawio is only supported for scsi host device',
    },
    {
      name: 'a drive guest address on a PCI hostdev',
      xml: domainXml({ devices: pci('', `${pciSource}\n      <address type='«drive»' controller='0' bus='0' target='0' unit='0'/>`) }),
      libvirtSays: "PCI host devices must use 'pci' or 'unassigned' address type",
      fixed: [{ title: 'Remove the <address> (libvirt assigns one)', output: domainXml({ devices: pci('') }) }],
    },
    {
      name: 'a PCI guest address on a USB hostdev',
      xml: domainXml({
        devices: `    <hostdev mode='subsystem' type='usb'>\n${usbSource}\n      <address type='«pci»' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>\n    </hostdev>`,
      }),
      libvirtSays: "USB host device must use 'usb' address type",
    },
    {
      name: 'display on a PCI hostdev (dropped)',
      xml: domainXml({ devices: pci(" display='«on»'") }),
    },
    {
      name: 'a capabilities hostdev in a QEMU guest',
      xml: domainXml({
        devices:
          "    <hostdev mode='«capabilities»' type='storage'>\n      <source>\n        <block>/dev/sdf1</block>\n      </source>\n    </hostdev>",
      }),
      libvirtSays: "hostdev mode 'capabilities' is not supported in qemu",
    },
  ],
});
