import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const gpu = (tag = 'hostdev') => `
    <${tag} mode='subsystem' type='pci' managed='yes'>
      <source>
        <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
      </source>
    </hostdev>`;
const hyperv = "    <hyperv mode='custom'>\n      <vendor_id state='on' value='0123456789ab'/>\n    </hyperv>";

testRule({
  rule: 'kvm-hidden-missing',
  valid: [
    {
      name: "<kvm><hidden state='on'/> present",
      xml: domainXml({ features: `${hyperv}\n    <kvm>\n      <hidden state='on'/>\n    </kvm>`, devices: gpu() }),
    },
    { name: 'a Linux guest', xml: domainXml({ devices: gpu() }) },
  ],
  invalid: [
    { name: 'no <kvm> element', xml: domainXml({ features: hyperv, devices: gpu('«hostdev»') }), messages: ['KVM is not hidden'] },
    {
      name: "hidden state='off'",
      xml: domainXml({ features: `${hyperv}\n    <kvm>\n      <hidden state='off'/>\n    </kvm>`, devices: gpu('«hostdev»') }),
    },
  ],
});
