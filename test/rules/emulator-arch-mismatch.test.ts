import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const emulator = (path: string) => `    <emulator>${path}</emulator>`;

testRule({
  rule: 'emulator-arch-mismatch',
  libvirtSays: 'does not support arch',
  valid: [
    { name: 'the x86_64 binary for x86_64', xml: domainXml({ devices: emulator('/usr/bin/qemu-system-x86_64') }) },
    {
      name: 'the x86_64 binary for i686',
      xml: domainXml({ arch: 'i686', machine: 'pc', devices: emulator('/usr/bin/qemu-system-x86_64') }),
    },
    {
      name: 'the aarch64 binary for aarch64',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: emulator('/usr/bin/qemu-system-aarch64') }),
    },
    { name: 'no <emulator> (libvirt picks one)', xml: domainXml() },
  ],
  invalid: [
    {
      name: 'an aarch64 guest on the x86_64 binary',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: emulator('«/usr/bin/qemu-system-x86_64»') }),
      messages: [
        "/usr/bin/qemu-system-x86_64 runs x86_64 guests, not aarch64: libvirt refuses the domain (\"Emulator '/usr/bin/qemu-system-x86_64' does not support arch 'aarch64'\").",
      ],
      fixed: [
        {
          title: 'Change to /usr/bin/qemu-system-aarch64',
          output: domainXml({ arch: 'aarch64', machine: 'virt', devices: emulator('/usr/bin/qemu-system-aarch64') }),
        },
      ],
    },
    {
      name: 'an x86_64 guest on the i386 binary',
      xml: domainXml({ machine: 'pc', devices: emulator('«/usr/bin/qemu-system-i386»') }),
      messages: ['runs i686 guests, not x86_64'],
    },
  ],
});
