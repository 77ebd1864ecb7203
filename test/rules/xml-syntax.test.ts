import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const good = domainXml({
  devices: "    <disk type='file' device='disk'>\n      <source file='/vm/a.img'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>",
});

testRule({
  rule: 'xml-syntax',
  valid: [
    { name: 'a well-formed domain', xml: good },
    {
      name: 'an XML declaration and a comment before the root',
      xml: `<?xml version="1.0"?>\n<!-- WARNING: THIS IS AN AUTO-GENERATED FILE. -->\n${good}`,
    },
    {
      name: 'character and entity references',
      xml: good.replace('<name>lint-test</name>', '<name>lint&#45;test</name><description>a &amp; b &lt;c&gt;</description>'),
    },
  ],
  invalid: [
    {
      name: 'an unclosed <disk>',
      xml: good.replace('</disk>\n', '\n').replace('<disk', '<«disk»'),
      messages: ['Element <disk> is not closed before </devices>'],
    },
    {
      name: 'a stray <',
      xml: good.replace('</name>', '</name><description>lint «<» test</description>'),
      messages: ["'<' is not followed by a tag name"],
    },
    {
      name: 'a missing closing quote',
      xml: good.replace("dev='vda' bus='virtio'", "dev='vda bus='«virtio»«'»"),
      messages: ['Attributes must be separated by white space', "Unexpected character '''"],
    },
    {
      name: 'a mismatched end tag',
      xml: good.replace('</name>', '</name><«description»>text</«descriptoin»>'),
      messages: ['<description> is not closed before </domain>', 'End tag </descriptoin> does not match'],
    },
    {
      name: 'a bare &',
      xml: good.replace('</name>', '</name><description>a «&» b</description>'),
      messages: ["'&' must start a reference"],
    },
    {
      name: 'a duplicate attribute',
      xml: good.replace("<disk type='file'", "<disk type='file' «type»='block'"),
      messages: ["Attribute 'type' is given twice"],
    },
    { name: 'text after the root', xml: `${good}«t»rail`, messages: ['Text after the root element'] },
  ],
});
