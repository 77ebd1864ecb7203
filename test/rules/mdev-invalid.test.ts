import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const UUID = '4b20d080-1b54-4048-85b3-a6a62d165c01';
const source = `      <source>\n        <address uuid='${UUID}'/>\n      </source>`;
const mdev = (attributes: string, inner = source) =>
  `    <hostdev mode='subsystem' type='mdev' model='vfio-pci'${attributes}>\n${inner}\n    </hostdev>`;
const vnc = "    <graphics type='vnc'/>";

testRule({
  rule: 'mdev-invalid',
  valid: [
    { name: 'a vGPU', xml: domainXml({ devices: mdev('') }) },
    { name: 'a vGPU with its display and ramfb', xml: domainXml({ devices: `${vnc}\n${mdev(" display='on' ramfb='on'")}` }) },
    {
      name: 'a vGPU at a PCI guest address',
      xml: domainXml({
        devices: mdev('', `${source}\n      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>`),
      }),
    },
    { name: 'a vGPU on ARM', xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: mdev('') }) },
  ],
  invalid: [
    {
      name: 'a source without an address',
      xml: domainXml({ devices: mdev('', '      <«source»/>') }),
      libvirtSays: 'Missing <address> element',
      noFix: "the mediated device's UUID is the host's (mdevctl list)",
    },
    {
      name: 'a PCI host address for a mediated device',
      xml: domainXml({
        devices: mdev('', "      <source>\n        <«address» domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n      </source>"),
      }),
      libvirtSays: "Missing 'uuid' attribute for element <address>",
      noFix: "the mediated device's UUID is the host's (mdevctl list)",
    },
    {
      name: 'a malformed UUID',
      xml: domainXml({ devices: mdev('', "      <source>\n        <address uuid='«4b20d080-1b54»'/>\n      </source>") }),
      libvirtSays: 'Cannot parse uuid attribute of element <address>',
      noFix: "the mediated device's UUID is the host's (mdevctl list)",
    },
    {
      name: 'an s390 vfio-ccw device on x86_64',
      xml: domainXml({ devices: `    <hostdev mode='subsystem' type='mdev' model='«vfio-ccw»'>\n${source}\n    </hostdev>` }),
      libvirtSays: 'VFIO CCW device assignment is not supported by this version of QEMU',
      fixed: [{ title: "Change to model='vfio-pci'", output: domainXml({ devices: mdev('') }) }],
    },
    {
      name: 'an s390 vfio-ap device on x86_64',
      xml: domainXml({ devices: `    <hostdev mode='subsystem' type='mdev' model='«vfio-ap»'>\n${source}\n    </hostdev>` }),
      libvirtSays: 'VFIO AP device assignment is not supported by this version of QEMU',
    },
    {
      name: 'a drive address for a vGPU',
      xml: domainXml({
        devices: mdev('', `${source}\n      <address type='«drive»' controller='0' bus='0' target='0' unit='1'/>`),
      }),
      libvirtSays: "Unsupported address type 'drive' with mediated device model 'vfio-pci'",
      fixed: [{ title: 'Remove the <address> (libvirt assigns one)', output: domainXml({ devices: mdev('') }) }],
    },
    {
      name: 'a boot order on a vGPU',
      xml: domainXml({ devices: mdev('', `${source}\n      <«boot» order='1'/>`) }),
      libvirtSays: 'booting from assigned devices is not supported by mediated devices of model vfio-pci',
      fixed: [{ title: 'Remove the <boot>', output: domainXml({ devices: mdev('') }) }],
    },
    {
      name: "display='on' without graphics",
      xml: domainXml({ devices: mdev(" display='«on»'") }),
      libvirtSays: "graphics device is needed for attribute value 'display=on' in <hostdev>",
      fixed: [
        { title: "Add <graphics type='vnc'/>", output: domainXml({ devices: `${mdev(" display='on'")}\n${vnc}` }) },
        { title: "Change to display='off'", output: domainXml({ devices: mdev(" display='off'") }) },
      ],
    },
    {
      name: "two vGPUs with ramfb='on'",
      xml: domainXml({
        devices: `${vnc}\n${mdev(" display='on' ramfb='on'")}\n${mdev(" display='on' ramfb='«on»'", source.replace('5c01', '5c02'))}`,
      }),
      libvirtSays: "Only one vgpu device can have 'ramfb' enabled",
    },
    {
      name: "ramfb='on' with display='off' (QEMU refuses to start it)",
      xml: domainXml({ devices: `${vnc}\n${mdev(" display='off' ramfb='«on»'")}` }),
      fixed: [{ title: "Set display='on'", output: domainXml({ devices: `${vnc}\n${mdev(" display='on' ramfb='on'")}` }) }],
    },
  ],
});
