import { poolXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const T = '  <target>\n    <path>/srv/lint-pool</path>\n  </target>';
const netfs = (format: string) =>
  poolXml(
    'netfs',
    `  <source>\n    <host name='nfs.example.com'/>\n    <dir path='/export'/>\n    <format type='${format}'/>\n  </source>\n${T}`,
  );

testRule({
  rule: 'pool-format-mismatch',
  libvirtSays: 'unknown pool format type',
  valid: [
    { name: 'netfs nfs', xml: netfs('nfs') },
    { name: 'netfs cifs', xml: netfs('cifs') },
    { name: 'an empty type (the default)', xml: netfs('') },
    {
      name: 'fs xfs',
      xml: poolXml('fs', `  <source>\n    <device path='/dev/lint-nonexistent'/>\n    <format type='xfs'/>\n  </source>\n${T}`),
    },
  ],
  invalid: [
    {
      name: 'NFS in capitals',
      xml: netfs('«NFS»'),
      messages: ["'NFS' is not a netfs pool format"],
      fixed: [{ title: "Change to 'nfs'", output: netfs('nfs') }],
    },
    {
      name: 'btrfs for an fs pool',
      xml: poolXml('fs', `  <source>\n    <device path='/dev/lint-nonexistent'/>\n    <format type='«btrfs»'/>\n  </source>\n${T}`),
      noFix: 'no fs format is close to btrfs',
    },
    {
      name: 'msdos for a disk pool',
      xml: poolXml(
        'disk',
        `  <source>\n    <device path='/dev/lint-nonexistent'/>\n    <format type='«msdos»'/>\n  </source>\n  <target>\n    <path>/dev</path>\n  </target>`,
      ),
      fixed: [
        {
          title: "Change to 'dos'",
          output: poolXml(
            'disk',
            `  <source>\n    <device path='/dev/lint-nonexistent'/>\n    <format type='dos'/>\n  </source>\n  <target>\n    <path>/dev</path>\n  </target>`,
          ),
        },
      ],
    },
    {
      name: 'a format on a dir pool (ignored)',
      xml: poolXml('dir', `  <source>\n    <«format» type='bogus'/>\n  </source>\n${T}`),
      messages: ['libvirt ignores <format>'],
      noFix: 'the schema rule offers to remove it',
    },
  ],
});
