import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const intel = (driver = '') => `    <iommu model='intel'>${driver ? `\n      <driver ${driver}/>\n    ` : ''}</iommu>`;

testRule({
  rule: 'iommu-invalid',
  valid: [
    { name: 'an Intel IOMMU on q35', xml: domainXml({ features: '    <acpi/>', devices: intel() }) },
    {
      name: 'interrupt remapping with the split I/O APIC',
      xml: domainXml({ features: "    <acpi/>\n    <ioapic driver='qemu'/>", devices: intel("intremap='on'") }),
    },
  ],
  invalid: [
    {
      name: 'an Intel IOMMU on i440fx',
      xml: domainXml({ machine: 'pc', features: '    <acpi/>', devices: "    <iommu model='«intel»'/>" }),
      libvirtSays: "IOMMU device: 'intel' is only supported with Q35 machines",
      noFix: 'the machine is for the user to choose',
    },
    {
      name: 'interrupt remapping without the split I/O APIC',
      xml: domainXml({ features: '    <acpi/>', devices: intel("intremap='«on»'") }),
      libvirtSays: "IOMMU interrupt remapping requires split I/O APIC (ioapic driver='qemu')",
      noFix: "the fix is <ioapic driver='qemu'/> in <features>, which the user adds",
    },
    {
      name: 'a virtio IOMMU without ACPI',
      xml: domainXml({ devices: "    <iommu model='«virtio»'/>" }),
      libvirtSays: "IOMMU device: 'virtio' requires ACPI",
      noFix: 'the user adds <acpi/>',
    },
  ],
});
