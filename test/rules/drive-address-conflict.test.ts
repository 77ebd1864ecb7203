import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (dev: string, bus: string, address: string) => `
    <disk type='file' device='disk'>
      <source file='/vm/${dev}.img'/>
      <target dev='${dev}' bus='${bus}'/>
      <address type='drive' ${address}/>
    </disk>`;

testRule({
  rule: 'drive-address-conflict',
  libvirtSays: 'duplicate drive address',
  valid: [
    {
      name: 'two SATA disks on different units',
      xml: domainXml({
        devices:
          disk('sda', 'sata', "controller='0' bus='0' target='0' unit='0'") +
          disk('sdb', 'sata', "controller='0' bus='0' target='0' unit='1'"),
      }),
    },
    {
      name: 'a SATA and a SCSI disk at the same numbers (different controllers)',
      xml: domainXml({
        devices:
          disk('sda', 'sata', "controller='0' bus='0' target='0' unit='0'") +
          disk('sdb', 'scsi', "controller='0' bus='0' target='0' unit='0'"),
      }),
    },
    {
      name: 'two SCSI disks on different units',
      xml: domainXml({
        devices:
          disk('sda', 'scsi', "controller='0' bus='0' target='0' unit='0'") +
          disk('sdb', 'scsi', "controller='0' bus='0' target='0' unit='1'"),
      }),
    },
  ],
  invalid: [
    {
      name: 'two SATA disks at unit 0',
      xml: domainXml({
        devices:
          disk('sda', 'sata', "controller='0' bus='0' target='0' unit='0'").replace('<address', '<«address»') +
          disk('sdb', 'sata', "controller='0' bus='0' target='0' unit='0'").replace('<address', '<«address»'),
      }),
      messages: ['sata controller 0, bus 0, target 0, unit 0 is also used by disk sdb', 'also used by disk sda'],
    },
    {
      name: 'omitted numbers count as 0',
      xml: domainXml({
        devices:
          disk('sda', 'sata', "controller='0' unit='0'").replace('<address', '<«address»') +
          disk('sdb', 'sata', "controller='0' bus='0' target='0' unit='0'").replace('<address', '<«address»'),
      }),
    },
  ],
});
