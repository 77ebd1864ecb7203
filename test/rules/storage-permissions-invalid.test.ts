import { poolXml, volumeXml } from '../support/kindXml';
import { testRule } from '../support/ruleTester';

const perms = (inner: string) =>
  poolXml('dir', `  <target>\n    <path>/srv/lint-pool</path>\n    <permissions>\n${inner}\n    </permissions>\n  </target>`);
const NO_FIX = 'the right mode or id is for the user to say';

testRule({
  rule: 'storage-permissions-invalid',
  valid: [
    { name: 'mode, owner and group', xml: perms('      <mode>0755</mode>\n      <owner>107</owner>\n      <group>-1</group>') },
    { name: 'a mode without its leading 0', xml: perms('      <mode>755</mode>') },
  ],
  invalid: [
    { name: 'a mode that is not octal', xml: perms('      <«mode»>999</mode>'), libvirtSays: 'malformed octal mode', noFix: NO_FIX },
    { name: 'the sticky bit', xml: perms('      <«mode»>01777</mode>'), libvirtSays: 'malformed octal mode', noFix: NO_FIX },
    { name: 'an owner by name', xml: perms('      <«owner»>root</owner>'), libvirtSays: 'malformed owner element', noFix: NO_FIX },
    { name: 'a group by name', xml: perms('      <«group»>wheel</group>'), libvirtSays: 'malformed group element', noFix: NO_FIX },
    {
      name: "a volume's mode",
      xml: volumeXml({ target: '  <target>\n    <permissions>\n      <«mode»>abc</mode>\n    </permissions>\n  </target>' }),
      libvirtSays: 'malformed octal mode',
      noFix: NO_FIX,
    },
  ],
});
