import { type Message, messages } from '../../l10n/message';
import { insertChildren } from '../edits/xmlEdits';
import { pciHostdevSpec } from '../fixes/hostdevSpec';
import { describeHostDevice, isBridge, vfioIdsLine } from '../hostAdvice';
import { connectedHost } from '../hostFacts';
import { passedDevices } from '../hostPassthrough';
import { DOCS } from '../libvirtDocs';
import { formatPciAddress } from '../model/pciAddress';
import { tagSpan } from '../validation/spans';
import { firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('iommu-group-incomplete', {
  incompleteOne:
    'IOMMU group {group} of {address} also holds {members}: neither passed to this guest nor bound to vfio-pci, so libvirt accepts the definition but refuses to start it ("{libvirtSays}"). Pass it through too, or bind it to vfio-pci at boot: {vfioIds} in /etc/modprobe.d/vfio.conf, then update-initramfs -u and reboot.',
  incompleteMany:
    'IOMMU group {group} of {address} also holds {members}: neither passed to this guest nor bound to vfio-pci, so libvirt accepts the definition but refuses to start it ("{libvirtSays}"). Pass them through too, or bind them to vfio-pci at boot: {vfioIds} in /etc/modprobe.d/vfio.conf, then update-initramfs -u and reboot.',
  memberBound: '{device}, bound to {driver}',
  memberWithoutDriver: '{device}, bound to no driver',
  listed: '{first}; {rest}',
  passRest: 'Pass through the rest of IOMMU group {group} ({devices})',
});

export const iommuGroupIncomplete: Rule = {
  id: 'iommu-group-incomplete',
  severity: 'error',
  title: "Another device of a passed-through device's IOMMU group stays with a host driver",
  explanation:
    'VFIO hands a guest whole IOMMU groups: every endpoint device of the group must be passed to the guest or bound ' +
    'to vfio-pci (or pci-stub); bridges stay with the host. Otherwise QEMU cannot open the group and libvirt accepts ' +
    'the definition but refuses to start it ("group N is not viable"). A GPU\'s audio function is the usual one left ' +
    'behind: pass it through too, or bind it to vfio-pci at boot with options vfio-pci ids=… .',
  docs: DOCS.hostdev,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    if (!connected?.pciDevices) return;
    const reportedGroups = new Set<number>();
    for (const { hostdev, device, group } of passedDevices(model, connected)) {
      if (!device || !group || device.iommuGroup === undefined || reportedGroups.has(device.iommuGroup)) continue;
      const missing = group.filter((member) => member.state === 'blocking').map((member) => member.device);
      if (missing.length === 0) continue;
      const iommuGroup = device.iommuGroup;
      reportedGroups.add(iommuGroup);
      const members = group.map((member) => member.device);
      const endpoints = members.filter((member) => !isBridge(member));
      const held = missing
        .map((member): Message => {
          const described = describeHostDevice(member);
          return member.driver === undefined
            ? M.memberWithoutDriver({ device: described })
            : M.memberBound({ device: described, driver: member.driver });
        })
        .reduceRight((rest, first) => M.listed({ first, rest }));
      report({
        ...tagSpan(firstChild(hostdev.source, 'address') ?? hostdev.element),
        message: (missing.length === 1 ? M.incompleteOne : M.incompleteMany)({
          group: iommuGroup,
          address: formatPciAddress(device.address),
          members: held,
          libvirtSays: `group ${iommuGroup} is not viable`,
          vfioIds: vfioIdsLine(endpoints),
        }),
        fixes: (context) => {
          const parent = hostdev.element.parent!;
          const next = parent.children[parent.children.indexOf(hostdev.element) + 1];
          const specs = missing.map((member) => pciHostdevSpec(member.address));
          const what = missing.map((member) => formatPciAddress(member.address)).join(', ');
          return [
            {
              title: M.passRest({ group: iommuGroup, devices: what }),
              edits: [insertChildren(parent, specs, context, next)],
              preferred: true,
            },
          ];
        },
      });
    }
  },
};
