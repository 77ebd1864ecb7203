import { volumeXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const format = (type: string) => volumeXml({ target: `  <target>\n    <format type='${type}'/>\n  </target>` });

testRule({
  rule: 'volume-format-invalid',
  valid: [
    { name: 'qcow2', xml: format('qcow2') },
    { name: 'raw', xml: format('raw') },
    { name: 'an empty type (raw)', xml: format('') },
  ],
  invalid: [
    {
      name: 'qcow3',
      xml: format('«qcow3»'),
      libvirtSays: 'unknown volume format type qcow3',
      fixed: [{ title: "Change to 'qcow2'", output: format('qcow2') }],
    },
    { name: 'QCOW2 in capitals', xml: format('«QCOW2»'), libvirtSays: 'unknown volume format type QCOW2' },
    { name: "'none' (listed by pool-capabilities)", xml: format('«none»'), libvirtSays: 'unknown volume format type none' },
    {
      name: 'vhd (qemu-img does not know it)',
      xml: format('«vhd»'),
      messages: ['refuses to create the volume'],
      libvirtSays: "Unknown file format 'vhd'",
    },
  ],
});
