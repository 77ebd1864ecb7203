import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const hostdev = (hostFunction: string, guestFunction: string, extra = '') => `
    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source>
        <address domain='0x0000' bus='0x27' slot='0x00' function='${hostFunction}'/>
      </source>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function=${guestFunction}${extra}/>
    </hostdev>`;

testRule({
  rule: 'pci-multifunction',
  valid: [
    {
      name: 'GPU video at .0 (multifunction) and audio at .1 on one guest slot',
      xml: domainXml({ machine: 'pc', devices: hostdev('0x0', "'0x0'", " multifunction='on'") + hostdev('0x1', "'0x1'") }),
    },
    {
      name: 'function 0 without multifunction: libvirt adds it',
      xml: domainXml({ machine: 'pc', devices: hostdev('0x0', "'0x0'") + hostdev('0x1', "'0x1'") }),
    },
    {
      name: "i440fx's own slot 1 functions",
      xml: domainXml({
        machine: 'pc',
        devices:
          "    <controller type='ide' index='0'><address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x1'/></controller>",
      }),
    },
  ],
  invalid: [
    {
      name: 'only the audio function, at .1',
      xml: domainXml({ machine: 'pc', devices: hostdev('0x1', "'«0x1»'") }),
      messages: ['is at 0000:00:05.1 but nothing is at function 0 of slot 0000:00:05'],
    },
  ],
});
