import { poolXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const T = '  <target>\n    <path>/srv/lint-pool</path>\n  </target>';
const NO_FIX = 'where the storage is, is for the user to say';

testRule({
  rule: 'pool-source-missing',
  valid: [
    {
      name: 'a netfs pool with host and dir',
      xml: poolXml('netfs', `  <source>\n    <host name='nfs.example.com'/>\n    <dir path='/export'/>\n  </source>\n${T}`),
    },
    { name: 'an fs pool with its device', xml: poolXml('fs', `  <source>\n    <device path='/dev/lint-nonexistent'/>\n  </source>\n${T}`) },
    { name: 'a dir pool (no source)', xml: poolXml('dir', T) },
    {
      name: 'an iscsi pool with host and IQN',
      xml: poolXml(
        'iscsi',
        `  <source>\n    <host name='iscsi.example.com'/>\n    <device path='iqn.2013-06.com.example:iscsi-pool'/>\n  </source>\n${T}`,
      ),
    },
  ],
  invalid: [
    {
      name: 'a netfs pool without host',
      xml: poolXml('netfs', `  <«source»>\n    <dir path='/export'/>\n  </source>\n${T}`),
      libvirtSays: 'missing storage pool source host name',
      noFix: NO_FIX,
    },
    {
      name: 'a netfs pool without dir',
      xml: poolXml('netfs', `  <«source»>\n    <host name='nfs.example.com'/>\n  </source>\n${T}`),
      libvirtSays: 'missing storage pool source path',
      noFix: NO_FIX,
    },
    {
      name: 'a misspelt host name attribute',
      xml: poolXml('netfs', `  <source>\n    <«host» nmae='nfs.example.com'/>\n    <dir path='/export'/>\n  </source>\n${T}`),
      libvirtSays: 'missing storage pool host name',
      noFix: NO_FIX,
    },
    {
      name: 'an fs pool without device',
      xml: poolXml('fs', `  <«source»/>\n${T}`),
      libvirtSays: 'missing storage pool source device name',
      noFix: NO_FIX,
    },
    {
      name: 'a device without path',
      xml: poolXml('fs', `  <source>\n    <«device» pth='/dev/sdb1'/>\n  </source>\n${T}`),
      libvirtSays: 'missing storage pool source device path',
      noFix: NO_FIX,
    },
    {
      name: 'a scsi pool without adapter',
      xml: poolXml('scsi', `  <«source»/>\n${T}`),
      libvirtSays: 'missing storage pool source adapter',
      noFix: NO_FIX,
    },
    {
      name: 'a scsi_host adapter without name',
      xml: poolXml('scsi', `  <source>\n    <«adapter» type='scsi_host'/>\n  </source>\n${T}`),
      libvirtSays: "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter",
      noFix: NO_FIX,
    },
    {
      name: 'an iscsi pool without its IQN (refused at start)',
      xml: poolXml('iscsi', `  <«source»>\n    <host name='iscsi.example.com'/>\n  </source>\n${T}`),
      messages: ['refuses to start it (pool-start: "missing source device")'],
      libvirt: 'accepts',
      noFix: NO_FIX,
    },
    {
      name: 'a netfs pool with two hosts (refused at start)',
      xml: poolXml(
        'netfs',
        `  <source>\n    <host name='a.example.com'/>\n    <«host» name='b.example.com'/>\n    <dir path='/export'/>\n  </source>\n${T}`,
      ),
      libvirt: 'accepts',
      noFix: NO_FIX,
    },
  ],
});
