import { volumeXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const NO_FIX = 'the size is for the user to say';

testRule({
  rule: 'volume-capacity-invalid',
  valid: [
    { name: 'MiB', xml: volumeXml() },
    { name: 'bytes by default', xml: volumeXml({ capacity: '  <capacity>1048576</capacity>' }) },
    {
      name: 'KB (1000) and G',
      xml: volumeXml({ capacity: "  <capacity unit='G'>1</capacity>", allocation: "  <allocation unit='KB'>0</allocation>" }),
    },
  ],
  invalid: [
    {
      name: 'an unknown unit',
      xml: volumeXml({ capacity: "  <capacity unit='«XB»'>1</capacity>" }),
      libvirtSays: "unknown suffix 'XB'",
      noFix: NO_FIX,
    },
    {
      name: 'a fraction',
      xml: volumeXml({ capacity: "  <capacity unit='GiB'>«1.5»</capacity>" }),
      libvirtSays: 'malformed capacity element',
      noFix: NO_FIX,
    },
    {
      name: 'a negative allocation',
      xml: volumeXml({ allocation: '  <allocation>«-1»</allocation>' }),
      libvirtSays: 'malformed capacity element',
      noFix: NO_FIX,
    },
    {
      name: '8 EiB',
      xml: volumeXml({ capacity: "  <«capacity» unit='EiB'>8</capacity>" }),
      libvirtSays: 'value too large: 8EiB',
      noFix: NO_FIX,
    },
  ],
});
