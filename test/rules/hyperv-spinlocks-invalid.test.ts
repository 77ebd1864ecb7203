import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const spinlocks = (retries: string) =>
  domainXml({ features: `    <hyperv mode='custom'>\n      <spinlocks state='on' retries=${retries}/>\n    </hyperv>` });

testRule({
  rule: 'hyperv-spinlocks-invalid',
  libvirtSays: 'HyperV spinlock retry count must be at least 4095',
  valid: [
    { name: "the seed's 8191", xml: spinlocks("'8191'") },
    { name: 'exactly 4095', xml: spinlocks("'4095'") },
  ],
  invalid: [{ name: '100 retries', xml: spinlocks("'«100»'"), messages: ["retries='100' is below the minimum of 4095"] }],
});
