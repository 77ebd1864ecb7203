import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (address: string) =>
  `    <disk type='file' device='cdrom'>\n      <target dev='sda' bus='sata'/>\n      <readonly/>\n      <address type='drive' ${address}/>\n    </disk>`;

testRule({
  rule: 'address-number-invalid',
  libvirtSays: 'Expected non-negative integer value',
  valid: [{ name: 'a drive address in decimal', xml: domainXml({ devices: disk("controller='0' bus='0' target='0' unit='1'") }) }],
  invalid: [
    {
      name: 'a drive address in hex (PCI style)',
      xml: domainXml({ devices: disk("controller='0' bus='«0x00»' target='0' unit='0'") }),
      messages: [
        "A drive address takes decimal numbers: libvirt refuses the domain (\"Invalid value for attribute 'bus' in element 'address': '0x00'. Expected non-negative integer value\").",
      ],
      fixed: [{ title: 'Change to 0', output: domainXml({ devices: disk("controller='0' bus='0' target='0' unit='0'") }) }],
    },
    {
      name: 'a negative unit',
      xml: domainXml({ devices: disk("controller='0' bus='0' target='0' unit='«-1»'") }),
      noFix: 'which unit was meant is for the user to say',
    },
  ],
});
