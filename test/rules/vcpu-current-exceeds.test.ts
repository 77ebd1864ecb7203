import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'vcpu-current-exceeds',
  libvirtSays: 'maximum vCPU count must not be less than current vCPU count',
  valid: [
    { name: '2 of 4 online', xml: domainXml({ extra: "  <vcpu placement='static' current='2'>4</vcpu>" }) },
    { name: 'no current', xml: domainXml({ extra: '  <vcpu>4</vcpu>' }) },
  ],
  invalid: [
    {
      name: '8 current of 4',
      xml: domainXml({ extra: "  <vcpu placement='static' current='«8»'>4</vcpu>" }),
      messages: ["current='8' is above the maximum of 4 vCPUs"],
    },
  ],
});
