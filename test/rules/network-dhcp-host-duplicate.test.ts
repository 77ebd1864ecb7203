import { ipWithDhcp, networkXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const hosts = (...lines: string[]) => networkXml({ ip: ipWithDhcp(lines.map((line) => `      ${line}`).join('\n')) });

testRule({
  rule: 'network-dhcp-host-duplicate',
  valid: [
    {
      name: 'two different hosts',
      xml: hosts("<host mac='52:54:00:00:00:01' name='a' ip='10.231.0.50'/>", "<host mac='52:54:00:00:00:02' name='b' ip='10.231.0.51'/>"),
    },
  ],
  invalid: [
    {
      name: 'one MAC twice (written differently)',
      xml: hosts("<host mac='52:54:00:00:00:01' ip='10.231.0.50'/>", "<host mac='«52:54:00:00:00:1»' ip='10.231.0.51'/>"),
      messages: ['The MAC 52:54:00:00:00:1 is already given to an earlier static host'],
      noFix: 'which entry is right is for the user to say',
    },
    {
      name: 'one address for two MACs',
      xml: hosts("<host mac='52:54:00:00:00:01' ip='10.231.0.50'/>", "<host mac='52:54:00:00:00:02' ip='«10.231.0.50»'/>"),
      messages: ['The address 10.231.0.50'],
      noFix: 'which entry is right is for the user to say',
    },
    {
      name: 'one name twice',
      xml: hosts(
        "<host mac='52:54:00:00:00:01' name='vm' ip='10.231.0.50'/>",
        "<host mac='52:54:00:00:00:02' name='«vm»' ip='10.231.0.51'/>",
      ),
      noFix: 'which entry is right is for the user to say',
    },
    {
      name: 'a host repeated',
      xml: hosts(
        "<host mac='52:54:00:00:00:01' name='vm' ip='10.231.0.50'/>",
        "<host mac='«52:54:00:00:00:01»' name='vm' ip='10.231.0.50'/>",
      ),
      messages: ['repeats an earlier one'],
      fixed: [{ title: 'Remove the repeated host', output: hosts("<host mac='52:54:00:00:00:01' name='vm' ip='10.231.0.50'/>") }],
    },
  ],
});
