import { networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const bridge = (name: string) => networkXml({ bridge: `  <bridge name='${name}'/>` });

testRule({
  rule: 'network-bridge-name-too-long',
  valid: [
    { name: 'a short name', xml: bridge('lvt0') },
    { name: 'exactly 15 characters', xml: bridge('lvt-abcdefghijk') },
    { name: 'a %d template', xml: bridge('lvt-lab%d') },
  ],
  invalid: [
    {
      name: 'sixteen characters',
      xml: bridge('«lvt-abcdefghijkl»'),
      messages: ["has 16 characters, more than the kernel's 15: libvirt accepts the definition but refuses to start it"],
      libvirt: 'accepts',
      fixed: [{ title: "Shorten to 'lvt-abcdefghijk'", output: bridge('lvt-abcdefghijk') }],
    },
    {
      name: 'a space in the name',
      xml: bridge('«lvt 1»'),
      messages: ['Invalid argument'],
      libvirt: 'accepts',
      fixed: [{ title: "Change to 'lvt-1'", output: bridge('lvt-1') }],
    },
  ],
});
