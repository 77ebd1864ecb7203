import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const cdrom = (bus: string) =>
  `    <disk type='file' device='cdrom'>\n      <target dev='hdc' bus=${bus}/>\n      <readonly/>\n    </disk>`;

testRule({
  rule: 'ide-unsupported-machine',
  libvirtSays: 'IDE controllers are unsupported for this QEMU binary or machine type',
  valid: [
    { name: 'IDE CD-ROM on i440fx', xml: domainXml({ machine: 'pc', devices: cdrom("'ide'") }) },
    { name: 'SATA CD-ROM on q35', xml: domainXml({ devices: cdrom("'sata'").replace('hdc', 'sdc') }) },
    { name: 'the IDE controller of i440fx', xml: domainXml({ machine: 'pc', devices: "    <controller type='ide' index='0'/>" }) },
  ],
  invalid: [
    {
      name: 'an IDE CD-ROM moved to q35',
      xml: domainXml({ devices: cdrom("'«ide»'") }),
      messages: ['q35 machines have no IDE controller, so disk hdc cannot be on bus ide: libvirt refuses the domain'],
    },
    {
      name: 'an IDE controller on aarch64 virt',
      xml: domainXml({ arch: 'aarch64', machine: 'virt', devices: "    <controller type='«ide»' index='0'/>" }),
    },
    {
      name: 'a second IDE controller on i440fx',
      xml: domainXml({ machine: 'pc', devices: "    <controller type='ide' index='«1»'/>" }),
      libvirtSays: 'Only a single IDE controller is supported for this machine type',
      fixed: [{ title: 'Remove this IDE controller', output: domainXml({ machine: 'pc' }) }],
    },
    {
      name: 'two IDE controllers without index on i440fx (libvirt numbers them 0 and 1)',
      xml: domainXml({ machine: 'pc', devices: "    <controller type='ide'/>\n    <«controller» type='ide'/>" }),
      libvirtSays: 'Only a single IDE controller is supported for this machine type',
    },
  ],
});
