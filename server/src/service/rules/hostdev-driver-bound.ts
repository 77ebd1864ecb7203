import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { describeHostDevice, HOLDS_ON, keepDriverOffLine, VFIO_DRIVERS, vfioIdsLine } from '../hostAdvice';
import { connectedHost } from '../hostFacts';
import { passedDevices } from '../hostPassthrough';
import { DOCS } from '../libvirtDocs';
import { tagSpan } from '../validation/spans';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('hostdev-driver-bound', {
  bootLines: '{keepOff} and {vfioIds} in /etc/modprobe.d/vfio.conf, then update-initramfs -u and reboot',
  holdsOn:
    '{device} is bound to {driver} on the host, which often refuses to give it up while the host uses it: the guest may fail to start. Keep {driver} off it at boot: {lines}.',
  notManaged:
    "{device} is bound to {driver} on the host and managed is not 'yes': libvirt accepts the definition but refuses to start it. Set managed='yes', detach it first (virsh nodedev-detach), or keep {driver} off it at boot: {lines}.",
  setManaged: "Set managed='yes' (libvirt detaches the device from its driver at start)",
});

export const hostdevDriverBound: Rule = {
  id: 'hostdev-driver-bound',
  severity: 'error',
  title: 'A passed-through PCI device is bound to a host driver that will not let go of it',
  explanation:
    "With managed='no' nobody detaches the device: if a host driver (nouveau, nvidia, snd_hda_intel…) has it, libvirt " +
    "accepts the definition but refuses to start it. With managed='yes' libvirt unbinds it at start, which the " +
    'proprietary nvidia driver refuses while the host uses the card. The sure way is to keep host drivers off it at boot: ' +
    'blacklist the GPU driver, and options vfio-pci ids=… so vfio-pci claims the card first.',
  docs: DOCS.hostdev,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    if (!connected?.pciDevices) return;
    for (const { hostdev, device, group } of passedDevices(model, connected)) {
      const driver = device?.driver;
      if (!device || !driver || VFIO_DRIVERS.has(driver)) continue;
      const managedAttribute = attribute(hostdev.element, 'managed');
      const managed = attributeValue(hostdev.element, 'managed') === 'yes';
      if (managed && !HOLDS_ON.has(driver)) continue;
      const endpoints = group?.filter((member) => member.state !== 'bridge').map((member) => member.device) ?? [device];
      const lines = M.bootLines({ keepOff: keepDriverOffLine(driver), vfioIds: vfioIdsLine(endpoints) });
      const described = describeHostDevice(device);
      report({
        ...(managedAttribute ? valueSpan(managedAttribute) : tagSpan(firstChild(hostdev.source, 'address') ?? hostdev.element)),
        severity: managed ? 'warning' : undefined,
        message: managed ? M.holdsOn({ device: described, driver, lines }) : M.notManaged({ device: described, driver, lines }),
        fixes: managed
          ? undefined
          : (context) => [
              {
                title: M.setManaged(),
                edits: [setAttribute(hostdev.element, 'managed', 'yes', context)],
                preferred: true,
              },
            ],
      });
    }
  },
};
