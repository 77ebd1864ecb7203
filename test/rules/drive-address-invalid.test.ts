import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (dev: string, bus: string, address: string, device = 'cdrom') =>
  `    <disk type='file' device='${device}'>\n      <target dev='${dev}' bus='${bus}'/>\n      <readonly/>\n      <address type='drive' ${address}/>\n    </disk>`;

testRule({
  rule: 'drive-address-invalid',
  valid: [
    { name: 'a SATA cdrom on unit 1', xml: domainXml({ devices: disk('sda', 'sata', "controller='0' bus='0' target='0' unit='1'") }) },
    {
      name: 'an IDE cdrom on bus 1',
      xml: domainXml({ machine: 'pc', devices: disk('hdc', 'ide', "controller='0' bus='1' target='0' unit='0'") }),
    },
  ],
  invalid: [
    {
      name: 'a SATA bus other than 0',
      xml: domainXml({ devices: disk('sda', 'sata', "controller='0' bus='«1»' target='0' unit='0'") }),
      libvirtSays: 'bus must be 0 for sata controller',
      fixed: [
        { title: "Change to bus='0'", output: domainXml({ devices: disk('sda', 'sata', "controller='0' bus='0' target='0' unit='0'") }) },
      ],
    },
    {
      name: 'a second IDE controller',
      xml: domainXml({ machine: 'pc', devices: disk('hdc', 'ide', "controller='«1»' bus='0' target='0' unit='0'") }),
      libvirtSays: 'Only 1 IDE controller is supported',
    },
    {
      name: 'an IDE target other than 0',
      xml: domainXml({ machine: 'pc', devices: disk('hdc', 'ide', "controller='0' bus='0' target='«1»' unit='0'") }),
      libvirtSays: 'target must be 0 for ide controller',
    },
  ],
});
