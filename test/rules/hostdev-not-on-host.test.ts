import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const refusedAtStart = { skip: 'libvirt accepts the definition and refuses to start it on the recorded host' } as const;
const hostdev = (bus: string, fn = '0x0', mark = false) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <${mark ? '«address»' : 'address'} domain='0x0000' bus='${bus}' slot='0x00' function='${fn}'/>\n      </source>\n    </hostdev>`;

testRule({
  rule: 'hostdev-not-on-host',
  valid: [
    { name: "the recorded host's NVMe drive", xml: domainXml({ devices: hostdev('0x28') }), host: GPU_DESKTOP },
    { name: 'no host facts: nothing is claimed', xml: domainXml({ devices: hostdev('0x77') }) },
  ],
  invalid: [
    {
      name: 'a GPU on a bus the host does not have (the card moved slots)',
      xml: domainXml({ devices: hostdev('0x26', '0x0', true) }),
      host: GPU_DESKTOP,
      messages: ['has no PCI device 0000:26:00.0: libvirt accepts the definition but refuses to start it'],
      libvirt: refusedAtStart,
      noFix: 'which device is meant is for the user to say',
    },
    {
      name: 'a function the card does not have, its siblings named',
      xml: domainXml({ devices: hostdev('0x27', '0x2', true) }),
      host: GPU_DESKTOP,
      messages: ['On that slot it has 0000:27:00.0, 0000:27:00.1'],
      libvirt: refusedAtStart,
      noFix: 'which device is meant is for the user to say',
    },
  ],
});
