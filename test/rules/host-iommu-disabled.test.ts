import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const refusedAtStart = { skip: 'libvirt accepts the definition and refuses to start it on a host without an IOMMU' } as const;
const hostdev = (bus: string) =>
  `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='${bus}' slot='0x00' function='0x0'/>\n      </source>\n    </hostdev>`;
const marked = (text: string) =>
  text.replace('<hostdev', '«hostdev').replace(" mode='subsystem'", "» mode='subsystem'").replace('«hostdev»', '<«hostdev»');

testRule({
  rule: 'host-iommu-disabled',
  valid: [
    { name: 'a host with the IOMMU on', xml: domainXml({ devices: hostdev('0x27') }), host: recordedHostFacts('gpu-desktop') },
    { name: 'no hostdev on a host without IOMMU', xml: domainXml(), host: recordedHostFacts('no-iommu') },
  ],
  invalid: [
    {
      name: 'a GPU passed through on a host whose IOMMU is off (AMD: amd_iommu=on)',
      xml: marked(domainXml({ devices: hostdev('0x01') })),
      host: recordedHostFacts('no-iommu'),
      messages: [
        'has no IOMMU on: libvirt accepts the definition but refuses to start it with a PCI host device ("host doesn\'t support passthrough of host PCI devices"). Enable VT-d/AMD-Vi in the firmware, add amd_iommu=on iommu=pt',
      ],
      libvirt: refusedAtStart,
      noFix: 'the fix is on the host: firmware and kernel command line',
    },
  ],
});
