import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const emulator = (path: string) => `    <emulator>${path}</emulator>`;

testRule({
  rule: 'emulator-not-on-host',
  valid: [
    { name: "the host's own emulator", xml: domainXml({ devices: emulator('/usr/bin/qemu-system-x86_64') }), host: GPU_DESKTOP },
    { name: "no <emulator>: libvirt picks the host's", xml: domainXml(), host: GPU_DESKTOP },
  ],
  invalid: [
    {
      name: "RHEL's path on a Debian host",
      xml: domainXml({ devices: emulator('«/usr/libexec/qemu-kvm»') }),
      host: GPU_DESKTOP,
      messages: ['lists no emulator /usr/libexec/qemu-kvm; for x86_64 it has /usr/bin/qemu-system-x86_64'],
      libvirt: {
        skip: 'this machine has no /usr/libexec/qemu-kvm either: its libvirt refuses the definition ("Cannot check QEMU binary")',
      },
    },
  ],
});
