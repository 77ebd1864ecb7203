import { poolXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const target = (path: string) => `  <target>\n    <path>${path}</path>\n  </target>`;

testRule({
  rule: 'pool-target-missing',
  libvirtSays: 'missing storage pool target path',
  valid: [
    { name: 'a dir pool with its path', xml: poolXml('dir', target('/var/lib/libvirt/images/lint')) },
    { name: 'a logical pool without target (it is /dev/VG)', xml: poolXml('logical', '  <source>\n    <name>lintvg</name>\n  </source>') },
    {
      name: 'a logical pool whose target is its volume group',
      xml: poolXml('logical', `  <source>\n    <name>lintvg</name>\n  </source>\n${target('/dev/lintvg')}`),
    },
  ],
  invalid: [
    {
      name: 'a dir pool without <target>',
      xml: "<«pool» type='dir'>\n  <name>lint-pool</name>\n</pool>\n",
      messages: ['A dir pool without <target><path>'],
      fixed: [
        {
          title: 'Add <target><path>/var/lib/libvirt/images/lint-pool</path></target>',
          output: poolXml('dir', target('/var/lib/libvirt/images/lint-pool')),
        },
      ],
    },
    { name: 'an empty <path>', xml: poolXml('dir', '  <target>\n    <«path»></path>\n  </target>') },
    {
      name: 'a netfs pool without target',
      xml: "<«pool» type='netfs'>\n  <name>lint-pool</name>\n  <source>\n    <host name='nfs.example.com'/>\n    <dir path='/export'/>\n  </source>\n</pool>\n",
    },
    {
      name: 'a relative path',
      xml: poolXml('dir', '  <target>\n    <«path»>srv/lint</path>\n  </target>'),
      messages: ["takes it from libvirtd's working directory (/srv/lint)"],
      fixed: [{ title: 'Change to /srv/lint', output: poolXml('dir', target('/srv/lint')) }],
    },
    {
      name: "a logical pool's target other than its volume group",
      xml: poolXml('logical', `  <source>\n    <name>lintvg</name>\n  </source>\n  <target>\n    <«path»>/srv/lint</path>\n  </target>`),
      messages: ['libvirt replaces /srv/lint with it'],
    },
  ],
});
