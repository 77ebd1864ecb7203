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

const pflash = (path: string, nvram = '') => `    <loader readonly='yes' type='pflash'>${path}</loader>${nvram ? `\n    ${nvram}` : ''}`;

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
    {
      name: "an old-style pflash loader the host's descriptors pair with a vars file",
      xml: domainXml({ os: pflash('/usr/share/OVMF/OVMF_CODE_4M.fd'), features: '    <acpi/>' }),
      host: WITH_OVMF,
    },
    {
      name: 'a loader of its own with a vars template',
      xml: domainXml({
        os: pflash('/opt/fw/CODE.fd', "<nvram template='/opt/fw/VARS.fd'>/var/lib/libvirt/qemu/nvram/lint-test_VARS.fd</nvram>"),
        features: '    <acpi/>',
      }),
      host: WITH_OVMF,
      libvirt: { skip: 'names firmware of another host' },
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
    {
      name: 'a loader no descriptor pairs with a vars file, no template: the first start fails',
      xml: domainXml({ os: pflash('«/opt/fw/CODE.fd»'), features: '    <acpi/>' }),
      host: WITH_OVMF,
      messages: [
        /No vars template is known for the loader \/opt\/fw\/CODE\.fd .*refuses to start it while its NVRAM file does not exist yet .*"unable to find any master var store for loader: \/opt\/fw\/CODE\.fd".*nvram = \[/,
      ],
      libvirt: 'accepts',
    },
  ],
});
