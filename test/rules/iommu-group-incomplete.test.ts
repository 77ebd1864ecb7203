import type { HostFacts } from '../../server/src/service/hostFacts';
import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
/** The same desktop with the audio function bound to no driver: VFIO takes a group whose other members are unbound. */
const AUDIO_UNBOUND: HostFacts = {
  ...GPU_DESKTOP,
  pciDevices: GPU_DESKTOP.pciDevices?.map((device) =>
    device.address.bus === 0x27 && device.address.function === 1 ? { ...device, driver: undefined } : device,
  ),
};
const refusedAtStart = {
  skip: "libvirt accepts the definition and refuses to start it ('group 16 is not viable') on the recorded host",
} as const;
const hostdev = (bus: string, fn: string, mark = false) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <${mark ? '«address»' : 'address'} domain='0x0000' bus='${bus}' slot='0x00' function='${fn}'/>\n      </source>\n    </hostdev>`;

testRule({
  rule: 'iommu-group-incomplete',
  valid: [
    {
      name: 'both functions of the GPU passed (the bridge stays with the host)',
      xml: domainXml({ devices: `${hostdev('0x27', '0x0')}\n${hostdev('0x27', '0x1')}` }),
      host: GPU_DESKTOP,
    },
    {
      name: 'the GPU alone, its audio function bound to no driver',
      xml: domainXml({ devices: hostdev('0x27', '0x0') }),
      host: AUDIO_UNBOUND,
    },
    { name: 'a device alone in its group', xml: domainXml({ devices: hostdev('0x28', '0x0') }), host: GPU_DESKTOP },
  ],
  invalid: [
    {
      name: "the GPU without its audio function, which snd_hda_intel still holds (the seed's mistake)",
      xml: domainXml({ devices: hostdev('0x27', '0x0', true) }),
      host: GPU_DESKTOP,
      messages: [
        /IOMMU group 16 of 0000:27:00\.0 also holds 0000:27:00\.1 \(NVIDIA Corporation GA106 High Definition Audio Controller\), bound to snd_hda_intel.*options vfio-pci ids=10de:2503,10de:228e/,
      ],
      libvirt: refusedAtStart,
    },
    {
      name: 'the audio function alone, the GPU on vfio-pci is fine but the GTX 1050 Ti group is not',
      xml: domainXml({ devices: hostdev('0x2a', '0x1', true) }),
      host: GPU_DESKTOP,
      messages: ['also holds 0000:2a:00.0 (NVIDIA Corporation GP107 [GeForce GTX 1050 Ti]), bound to nouveau'],
      libvirt: refusedAtStart,
    },
  ],
});
