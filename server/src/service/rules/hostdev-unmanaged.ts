import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { pciHostdevs } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('hostdev-unmanaged', {
  notManaged: "{device} is not managed='yes': detach it from its host driver yourself (virsh nodedev-detach) before starting the guest.",
  notManagedReadAsNo:
    "{device} is not managed='yes' (libvirt reads managed='{value}' as 'no'): detach it from its host driver yourself (virsh nodedev-detach) before starting the guest.",
  setManaged: "Set managed='yes' (libvirt detaches the device itself)",
});

export const hostdevUnmanaged: Rule = {
  id: 'hostdev-unmanaged',
  severity: 'info',
  title: "A PCI host device is not managed='yes'",
  explanation:
    "With managed='yes', libvirt detaches the device from its host driver and binds it to vfio-pci when the " +
    "guest starts, and gives it back when the guest stops. Without it, you must run 'virsh nodedev-detach' (or bind " +
    'vfio-pci at boot) yourself, or the guest fails to start.',
  docs: DOCS.hostdev,
  check({ model, report }) {
    for (const hostdev of pciHostdevs(model)) {
      const managed = attribute(hostdev.element, 'managed');
      if (managed?.value === 'yes') continue;
      report({
        ...(managed ? valueSpan(managed) : tagSpan(hostdev.element)),
        message:
          managed && managed.value !== 'no'
            ? M.notManagedReadAsNo({ device: deviceLabel(hostdev), value: managed.value })
            : M.notManaged({ device: deviceLabel(hostdev) }),
        fixes: (context) => [
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
