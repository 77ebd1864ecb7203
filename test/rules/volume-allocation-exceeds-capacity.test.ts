import { volumeXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'volume-allocation-exceeds-capacity',
  valid: [{ name: 'a sparse raw file', xml: volumeXml() }],
  invalid: [
    {
      name: 'a raw file allocated beyond its capacity',
      xml: volumeXml({ allocation: "  <«allocation» unit='MiB'>4</allocation>" }),
      messages: ['writes a raw file of 4 MiB, whose capacity becomes 4 MiB'],
      noFix: 'which size was meant is for the user to say',
    },
    {
      name: 'a qcow2 image allocated beyond its capacity',
      xml: volumeXml({
        name: 'lint.qcow2',
        allocation: "  <«allocation» unit='MiB'>4</allocation>",
        target: "  <target>\n    <format type='qcow2'/>\n  </target>",
      }),
      messages: ['ignores the allocation of a qcow2 image'],
      noFix: 'which size was meant is for the user to say',
    },
  ],
});
