import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const AGENT = "    <channel type='spicevmc'>\n      <target type='virtio' name='com.redhat.spice.0'/>\n    </channel>";
const VNC = "    <graphics type='vnc' port='-1'/>";
const SPICE = "    <graphics type='spice' autoport='yes'/>";

testRule({
  rule: 'spice-without-graphics',
  libvirtSays: 'not supported without spice graphics',
  valid: [
    { name: 'the SPICE agent channel with SPICE graphics', xml: domainXml({ devices: `${SPICE}\n${AGENT}` }) },
    { name: 'SPICE audio with SPICE graphics', xml: domainXml({ devices: `${SPICE}\n    <audio id='1' type='spice'/>` }) },
  ],
  invalid: [
    {
      name: 'the SPICE agent channel after switching to VNC',
      xml: domainXml({ devices: `${VNC}\n${AGENT.replace('<channel', '<«channel»')}` }),
      messages: [
        'A spicevmc channel without SPICE graphics: libvirt refuses the domain ("chardev \'spicevmc\' not supported without spice graphics").',
      ],
      fixed: [{ title: 'Remove this <channel>', output: domainXml({ devices: VNC }) }],
    },
    {
      name: 'SPICE audio with VNC',
      xml: domainXml({ devices: `${VNC}\n    <«audio» id='1' type='spice'/>` }),
      libvirtSays: 'Spice audio is not supported without spice graphics',
      fixed: [{ title: "Change to <audio type='none'>", output: domainXml({ devices: `${VNC}\n    <audio id='1' type='none'/>` }) }],
    },
  ],
});
