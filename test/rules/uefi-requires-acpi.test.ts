import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'uefi-requires-acpi',
  libvirtSays: 'UEFI requires ACPI on this architecture',
  valid: [
    { name: "firmware='efi' with <acpi/>", xml: domainXml({ osAttributes: " firmware='efi'", features: '    <acpi/>' }) },
    { name: 'BIOS without ACPI', xml: domainXml({}) },
    {
      name: 'aarch64 UEFI without ACPI (device tree)',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', osAttributes: " firmware='efi'" }),
    },
  ],
  invalid: [
    {
      name: "firmware='efi' without <acpi/>",
      xml: domainXml({ osAttributes: " firmware='«efi»'" }),
      messages: ['UEFI on x86 requires ACPI'],
    },
    {
      name: 'a pflash loader without <acpi/>',
      xml: domainXml({ os: "    <loader readonly='yes' type='«pflash»'>/usr/share/OVMF/OVMF_CODE.fd</loader>" }),
    },
  ],
});
