import { volumeXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const target = (format: string, inner: string) =>
  volumeXml({ target: `  <target>\n    <format type='${format}'/>\n${inner ? `${inner}\n` : ''}  </target>` });
const NO_FIX = 'which option was meant is for the user to say';

testRule({
  rule: 'volume-option-unsupported',
  valid: [
    {
      name: 'qcow2 with compat 1.1 and lazy refcounts',
      xml: target('qcow2', '    <compat>1.1</compat>\n    <features>\n      <lazy_refcounts/>\n    </features>'),
    },
    { name: 'a plain raw file', xml: target('raw', '') },
  ],
  invalid: [
    {
      name: 'a compat level that is not N.N',
      xml: target('qcow2', '    <«compat»>1</compat>'),
      libvirtSays: "forbidden characters in 'compat' attribute",
      noFix: NO_FIX,
    },
    {
      name: 'lazy refcounts with compat 0.10',
      xml: target('qcow2', '    <compat>0.10</compat>\n    <features>\n      <«lazy_refcounts»/>\n    </features>'),
      libvirtSays: 'lazy_refcounts not supported with compat level 0.10',
      noFix: NO_FIX,
    },
    {
      name: 'compat on a vmdk image',
      xml: target('vmdk', '    <«compat»>1.1</compat>'),
      libvirtSays: 'compatibility option only available with qcow2',
      noFix: NO_FIX,
    },
    {
      name: 'lazy refcounts on a raw file (ignored)',
      xml: target('raw', '    <«features»>\n      <lazy_refcounts/>\n    </features>'),
      messages: ['libvirt ignores it for a raw image'],
      fixed: [{ title: 'Remove <features>', output: target('raw', '') }],
    },
    {
      name: 'a backing store for a raw file',
      xml: volumeXml({
        extra: "  <«backingStore»>\n    <path>/var/lib/libvirt/images/base.qcow2</path>\n    <format type='qcow2'/>\n  </backingStore>",
      }),
      libvirtSays: 'backing storage not supported for raw volumes',
      noFix: NO_FIX,
    },
    {
      name: 'a backing store without path (ignored)',
      xml: volumeXml({
        target: "  <target>\n    <format type='qcow2'/>\n  </target>",
        extra: "  <«backingStore»>\n    <format type='qcow2'/>\n  </backingStore>",
      }),
      messages: ['libvirt ignores it and creates a standalone image'],
      fixed: [{ title: 'Remove <backingStore>', output: volumeXml({ target: "  <target>\n    <format type='qcow2'/>\n  </target>" }) }],
    },
  ],
});
