import type { HostFacts } from '../../server/src/service/hostFacts';
import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const remote = recordedHostFacts('gpu-desktop');
/** The GPU desktop as a local connection sees it: boot_vga from sysfs says the RTX 3060 is the boot display. */
const LOCAL_BOOT_ON_GPU: HostFacts = {
  ...remote,
  connection: { uri: 'qemu:///system', local: true },
  pciDevices: remote.pciDevices?.map((device) =>
    device.address.bus === 0x27 && device.address.function === 0 ? { ...device, bootVga: true } : device,
  ),
};
const REMOTE_BOOT_ON_GPU: HostFacts = { ...LOCAL_BOOT_ON_GPU, connection: { uri: 'qemu+ssh://root@gpu-desktop/system', local: false } };
const hostdev = (bus: string, mark = false) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <${mark ? '«address»' : 'address'} domain='0x0000' bus='${bus}' slot='0x00' function='0x0'/>\n      </source>\n    </hostdev>`;

testRule({
  rule: 'hostdev-boot-vga',
  valid: [
    { name: 'a GPU that is not the boot display', xml: domainXml({ devices: hostdev('0x2a') }), host: LOCAL_BOOT_ON_GPU },
    {
      name: 'a remote connection cannot tell (boot_vga is read from sysfs)',
      xml: domainXml({ devices: hostdev('0x27') }),
      host: REMOTE_BOOT_ON_GPU,
    },
  ],
  invalid: [
    {
      name: "the host's only display passed through (the seed's efifb trouble)",
      xml: domainXml({ devices: hostdev('0x27', true) }),
      host: LOCAL_BOOT_ON_GPU,
      messages: [/is the host's boot display.*"BAR 1: can't reserve".*video=efifb:off/],
      noFix: 'the fix is on the host kernel command line',
    },
  ],
});
