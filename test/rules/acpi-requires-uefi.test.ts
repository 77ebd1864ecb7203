import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const aarch64 = { arch: 'aarch64', machine: 'virt' };

testRule({
  rule: 'acpi-requires-uefi',
  libvirtSays: 'ACPI requires UEFI on this architecture',
  valid: [
    { name: "firmware='efi'", xml: domainXml({ ...aarch64, osAttributes: " firmware='efi'", features: '    <acpi/>' }) },
    {
      name: 'a pflash loader',
      xml: domainXml({
        ...aarch64,
        os: "    <loader readonly='yes' type='pflash'>/usr/share/AAVMF/AAVMF_CODE.fd</loader>",
        features: '    <acpi/>',
      }),
    },
    { name: 'no ACPI', xml: domainXml({ ...aarch64, features: "    <gic version='3'/>" }) },
    { name: 'x86 with ACPI and BIOS', xml: domainXml({ features: '    <acpi/>' }) },
  ],
  invalid: [
    {
      name: 'aarch64 with <acpi/> and no firmware',
      xml: domainXml({ ...aarch64, features: '    <«acpi»/>' }),
      messages: ['ACPI on aarch64 requires UEFI: libvirt refuses the domain ("ACPI requires UEFI on this architecture")'],
    },
  ],
});
