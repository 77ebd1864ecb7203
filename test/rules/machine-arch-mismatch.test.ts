import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const NO_PCI = "    <controller type='usb' model='none'/>\n    <memballoon model='none'/>";

testRule({
  rule: 'machine-arch-mismatch',
  libvirtSays: 'does not support machine type',
  valid: [
    { name: 'q35 for x86_64', xml: domainXml() },
    { name: 'virt for aarch64', xml: domainXml({ arch: 'aarch64', machine: 'virt' }) },
    { name: 'a versioned pc for x86_64', xml: domainXml({ machine: 'pc-i440fx-7.2' }) },
  ],
  invalid: [
    {
      // Without PCI devices (with them libvirt may first say "No PCI buses available").
      name: 'virt for x86_64',
      xml: domainXml({ machine: '«virt»', devices: NO_PCI }),
      messages: [
        "'virt' is not a machine of x86_64 guests (pc, q35): libvirt refuses the domain (\"Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'virt'\").",
      ],
      fixed: [{ title: "Change to 'q35'", output: domainXml({ machine: 'q35', devices: NO_PCI }) }],
    },
    {
      name: 'q35 for aarch64',
      xml: domainXml({ arch: 'aarch64', machine: '«q35»' }),
      fixed: [{ title: "Change to 'virt'", output: domainXml({ arch: 'aarch64', machine: 'virt' }) }],
    },
    {
      name: "Xen's xenpv in a QEMU domain",
      xml: domainXml({ machine: '«xenpv»', devices: NO_PCI }),
      libvirtSays: "Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'xenpv'",
      fixed: [{ title: "Change to 'q35'", output: domainXml({ machine: 'q35', devices: NO_PCI }) }],
    },
    {
      name: "Xen's xenfv in a QEMU domain",
      xml: domainXml({ machine: '«xenfv»', devices: NO_PCI }),
      libvirtSays: "does not support machine type 'xenfv'",
    },
  ],
});
