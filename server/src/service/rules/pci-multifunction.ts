import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { formatPciAddress, IMPLICIT_PCI_DEVICES } from '../model/pciAddress';
import { groupBy } from '../validation/grouping';
import { attributeOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('pci-multifunction', {
  noFunction0:
    '{device} is at {address} but nothing is at function 0 of slot {slot}: the guest will not see it. Move one device of this slot to function 0.',
  moveToFunction0: 'Move to function 0',
});

export const pciMultifunction: Rule = {
  id: 'pci-multifunction',
  severity: 'warning',
  title: 'A device on PCI function 1-7 of a slot whose function 0 is empty',
  explanation:
    "A guest scans a PCI slot's functions 1-7 only when function 0 is present. Putting a GPU's audio function " +
    'at 00:05.1 without its video function at 00:05.0 hides the audio device from the guest. libvirt accepts the XML ' +
    "silently (it sets multifunction='on' itself when function 0 is there).",
  docs: DOCS.addresses,
  check({ model, report }) {
    // On other machine types (s390, ppc...) we do not know which slots the machine fills itself.
    if (model.os.machineFamily === 'other') return;
    const implicitSlots = new Set(IMPLICIT_PCI_DEVICES[model.os.machineFamily].map((d) => slotKey(d.address)));
    const bySlot = groupBy(model.devices, (device) => {
      const pci = device.address?.pci;
      const key = pci && device.kind !== 'console' ? slotKey(pci) : undefined;
      return key && !implicitSlots.has(key) ? key : undefined;
    });
    for (const [slot, devices] of bySlot) {
      if (devices.some((d) => d.address!.pci!.function === 0)) continue;
      for (const device of devices) {
        report({
          ...attributeOrTagSpan(device.address!.element, 'function'),
          message: M.noFunction0({ device: deviceLabel(device), address: formatPciAddress(device.address!.pci!), slot }),
          fixes: (context) => [
            {
              title: M.moveToFunction0(),
              edits: [setAttribute(device.address!.element, 'function', '0x0', context)],
              preferred: device === devices[0],
            },
          ],
        });
      }
    }
  },
};

function slotKey(address: { domain: number; bus: number; slot: number }): string {
  return formatPciAddress({ ...address, function: 0 }).slice(0, -2);
}
