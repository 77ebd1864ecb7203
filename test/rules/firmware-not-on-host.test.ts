import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const REQUEST = { virttype: 'qemu', arch: 'x86_64', machine: 'q35' };
/** The GPU desktop has no OVMF installed; this kind of machine (recorded here) has it. */
const NO_OVMF = recordedHostFacts('gpu-desktop', undefined, [REQUEST]);
const WITH_OVMF = recordedHostFacts('no-iommu', undefined, [REQUEST]);
const refusedAtStart = {
  skip: 'libvirt accepts the definition and refuses to start it on the recorded host ("Unable to find any firmware to satisfy \'efi\'": checked here by removing the firmware descriptors)',
} as const;

testRule({
  rule: 'firmware-not-on-host',
  valid: [
    { name: 'UEFI on a host with OVMF', xml: domainXml({ osAttributes: " firmware='efi'", features: '    <acpi/>' }), host: WITH_OVMF },
    { name: 'BIOS on a host without OVMF', xml: domainXml(), host: NO_OVMF },
    {
      name: 'no domain capabilities read: nothing is claimed',
      xml: domainXml({ osAttributes: " firmware='efi'", features: '    <acpi/>' }),
      host: recordedHostFacts('gpu-desktop'),
    },
  ],
  invalid: [
    {
      name: 'UEFI on a host without OVMF',
      xml: domainXml({ osAttributes: " firmware='«efi»'", features: '    <acpi/>' }),
      host: NO_OVMF,
      messages: [
        /has no UEFI firmware for x86_64 guests: libvirt accepts the definition but refuses to start it.*Install ovmf \(Debian\/Ubuntu\) or edk2-ovmf \(Fedora\)/,
      ],
      libvirt: refusedAtStart,
      noFix: 'the firmware is installed on the host',
    },
  ],
});
