import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const hostdev = (managed: string, bus: string, fn = '0x0') =>
  `    <hostdev mode='subsystem' type='pci' managed=${managed}>\n      <source>\n        <address domain='0x0000' bus='${bus}' slot='0x00' function='${fn}'/>\n      </source>\n    </hostdev>`;

testRule({
  rule: 'hostdev-driver-bound',
  valid: [
    { name: "a GPU on vfio-pci with managed='no'", xml: domainXml({ devices: hostdev("'no'", '0x27') }), host: GPU_DESKTOP },
    {
      name: "nouveau with managed='yes': libvirt unbinds it at start",
      xml: domainXml({ devices: hostdev("'yes'", '0x2a') }),
      host: GPU_DESKTOP,
    },
  ],
  invalid: [
    {
      name: "a GTX 1050 Ti still on nouveau with managed='no'",
      xml: domainXml({ devices: hostdev("'«no»'", '0x2a') }),
      host: GPU_DESKTOP,
      messages: [
        /bound to nouveau on the host and managed is not 'yes': libvirt accepts the definition but refuses to start it.*blacklist nouveau and options vfio-pci ids=10de:1c82,10de:0fb9/,
      ],
      libvirt: { skip: 'libvirt accepts the definition and refuses to start it on the recorded host' },
    },
    {
      name: "the audio function on snd_hda_intel with managed='no': a softdep, not a blacklist",
      xml: domainXml({ devices: hostdev("'«no»'", '0x27', '0x1') }),
      host: GPU_DESKTOP,
      messages: ['softdep snd_hda_intel pre: vfio-pci and options vfio-pci ids=10de:2503,10de:228e'],
      libvirt: { skip: 'libvirt accepts the definition and refuses to start it on the recorded host' },
    },
  ],
});
