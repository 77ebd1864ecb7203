import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const hyperv = (vendorId: string) => `    <hyperv mode='custom'>
      <relaxed state='on'/>
      ${vendorId}
    </hyperv>`;

testRule({
  rule: 'vendor-id-invalid',
  valid: [
    { name: "the seed's 12-character value", xml: domainXml({ features: hyperv("<vendor_id state='on' value='0123456789ab'/>") }) },
    { name: "the seed's 'random'", xml: domainXml({ features: hyperv("<vendor_id state='on' value='random'/>") }) },
    { name: 'state off needs no value', xml: domainXml({ features: hyperv("<vendor_id state='off'/>") }) },
  ],
  invalid: [
    {
      name: 'a 13-character value',
      xml: domainXml({ features: hyperv("<vendor_id state='on' value='«0123456789abc»'/>") }),
      messages: ['has 13 characters (at most 12): libvirt refuses the domain'],
      libvirtSays: 'HyperV vendor_id value must not be more than 12 characters',
    },
    {
      name: 'an empty value',
      xml: domainXml({ features: hyperv("<vendor_id state='on' value='«»'/>").replace("value='«»'", "«value»=''") }),
      messages: ['empty'],
      libvirt: { skip: 'libvirt 9.0 accepts an empty vendor_id; QEMU then gets no vendor' },
    },
    {
      name: 'no value at all',
      xml: domainXml({ features: hyperv("<«vendor_id» state='on'/>") }),
      libvirtSays: "missing 'value' attribute for HyperV feature 'vendor_id'",
    },
    {
      name: 'a comma',
      xml: domainXml({ features: hyperv("<vendor_id state='on' value='«ab,cd»'/>") }),
      messages: ['comma'],
      libvirtSays: 'HyperV vendor_id value is invalid',
    },
  ],
});
