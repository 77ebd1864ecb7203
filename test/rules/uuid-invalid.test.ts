import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'uuid-invalid',
  libvirtSays: 'malformed uuid element',
  valid: [
    { name: 'a dashed UUID', xml: domainXml({ extra: '  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>' }) },
    { name: 'no dashes', xml: domainXml({ extra: '  <uuid>4dea22b31d52d8f32516782e98ab3fa0</uuid>' }) },
  ],
  invalid: [
    { name: 'a word', xml: domainXml({ extra: '  <uuid>«not-a-uuid»</uuid>' }), messages: ["'not-a-uuid' is not a UUID"] },
    { name: 'one digit short', xml: domainXml({ extra: '  <uuid>«4dea22b3-1d52-d8f3-2516-782e98ab3fa»</uuid>' }) },
    // libvirt reads hex pairs: a dash may stand between two pairs, not inside one.
    { name: 'a dash inside a hex pair', xml: domainXml({ extra: '  <uuid>«4-dea22b31d52d8f32516782e98ab3fa0»</uuid>' }) },
    { name: 'a dash after the last pair', xml: domainXml({ extra: '  <uuid>«4dea22b3-1d52-d8f3-2516-782e98ab3fa0-»</uuid>' }) },
  ],
});
