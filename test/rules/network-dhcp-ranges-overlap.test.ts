import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const ranges = (...lines: string[]) => networkXml({ ip: ipWithDhcp(lines.map((line) => `      ${line}`).join('\n')) });

testRule({
  rule: 'network-dhcp-ranges-overlap',
  valid: [
    {
      name: 'two ranges side by side',
      xml: ranges("<range start='10.231.0.10' end='10.231.0.49'/>", "<range start='10.231.0.50' end='10.231.0.99'/>"),
    },
  ],
  invalid: [
    {
      name: 'two overlapping ranges',
      xml: ranges("<range start='10.231.0.10' end='10.231.0.100'/>", "<«range» start='10.231.0.50' end='10.231.0.150'/>"),
      messages: ['overlaps an earlier one (10.231.0.50 – 10.231.0.100)'],
      noFix: 'which range was meant is for the user to say',
    },
    {
      name: 'one range twice',
      xml: ranges("<range start='10.231.0.10' end='10.231.0.100'/>", "<«range» start='10.231.0.10' end='10.231.0.100'/>"),
      noFix: 'which range was meant is for the user to say',
    },
  ],
});
