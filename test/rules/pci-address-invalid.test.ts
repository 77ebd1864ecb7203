import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const nicAt = (attributes: string) => `
    <interface type='network'>
      <source network='default'/>
      <model type='virtio'/>
      <address type='pci' ${attributes}/>
    </interface>`;

const hostdevFrom = (attributes: string) => `
    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source>
        <address ${attributes}/>
      </source>
    </hostdev>`;

testRule({
  rule: 'pci-address-invalid',
  valid: [
    {
      name: 'hex numbers at their limits',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='0x0000' bus='0x00' slot='0x1f' function='0x7' multifunction='on'") }),
    },
    { name: 'decimal numbers', xml: domainXml({ machine: 'pc', devices: nicAt("domain='0' bus='0' slot='31' function='0'") }) },
    { name: 'an address with only some attributes', xml: domainXml({ machine: 'pc', devices: nicAt("slot='0x05'") }) },
    {
      name: 'a hostdev source on a high bus',
      xml: domainXml({ devices: hostdevFrom("domain='0x0000' bus='0x27' slot='0x00' function='0x1'") }),
    },
  ],
  invalid: [
    {
      name: 'slot above 0x1f',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='0x0000' bus='0x00' slot='«0x20»' function='0x0'") }),
      messages: ["slot='0x20' is out of range (it must be at most 0x1f): libvirt refuses the domain"],
      libvirtSays: 'must be <= 0x1F',
    },
    {
      name: 'function above 7',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='0x0000' bus='0x00' slot='0x05' function='«0x8»'") }),
      messages: ['at most 7'],
      libvirtSays: 'must be <= 7',
    },
    {
      name: 'bus above 0xff',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='0x0000' bus='«0x100»' slot='0x05' function='0x0'") }),
      messages: ['at most 0xff'],
      libvirtSays: 'must be <= 0xFF',
    },
    {
      name: 'a malformed hex number',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='0x0000' bus='0x00' slot='«0x0g»' function='0x0'") }),
      messages: ["slot '0x0g' is not a number"],
      libvirtSays: "Invalid value for attribute 'slot'",
    },
    {
      name: 'an 8 in an octal number',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='0x0000' bus='0x00' slot='«08»' function='0x0'") }),
      libvirtSays: "Invalid value for attribute 'slot'",
    },
    {
      name: 'a malformed host address of a hostdev',
      xml: domainXml({ devices: hostdevFrom("domain='0x0000' bus='«0x2z»' slot='0x00' function='0x0'") }),
      libvirtSays: "Invalid value for attribute 'bus'",
      noFix: 'only the user knows which host device was meant',
    },
    {
      name: 'multifunction neither on nor off',
      xml: domainXml({ machine: 'pc', devices: nicAt("slot='0x05' multifunction='«yes»'") }),
      messages: ["multifunction must be 'on' or 'off'"],
      libvirtSays: 'multifunction',
    },
    {
      name: 'a PCI domain other than 0',
      xml: domainXml({ machine: 'pc', devices: nicAt("domain='«0x0001»' slot='0x05'") }),
      libvirtSays: 'Only PCI domain 0 is available',
    },
  ],
});
