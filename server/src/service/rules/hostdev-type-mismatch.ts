import { messages } from '../../l10n/message';
import { removeAttribute, removeElement } from '../edits/xmlEdits';
import type { FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, valueSpan, type XmlAttribute, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('hostdev-type-mismatch', {
  capabilitiesMode: "mode='capabilities' in a KVM/QEMU guest",
  removeHostdev: 'Remove this <hostdev>',
  attributeOnType: '{name}= on a {type} host device',
  modelOnType: "model= on a {type} host device (it is for type='mdev' and 'scsi_host')",
  mdevOnly: '{name}= on a {type} host device: libvirt ignores it and drops it on define (only a mediated device has it).',
  guestAddressOnType: 'A {addressType} guest address on a {type} host device',
  removeAddress: 'Remove the <address> (libvirt assigns one)',
  removeAttribute: 'Remove {name}=',
});

/** The guest address types each hostdev type takes, and libvirt's words when another is given. */
const GUEST_ADDRESS: Readonly<Record<string, { readonly types: readonly string[]; readonly says: string }>> = {
  pci: { types: ['pci', 'unassigned'], says: "PCI host devices must use 'pci' or 'unassigned' address type" },
  usb: { types: ['usb'], says: "USB host device must use 'usb' address type" },
  scsi: { types: ['drive'], says: "SCSI host device must use 'drive' address type" },
  scsi_host: { types: ['pci', 'ccw'], says: "SCSI_host host device must use 'pci' or 'ccw' address type" },
};

const removeAttributeFix = (element: XmlElement, attr: XmlAttribute) => ({
  fixes: (context: FixContext) => [
    { title: M.removeAttribute({ name: attr.name }), edits: [removeAttribute(element, attr, context)], preferred: true },
  ],
});

export const hostdevTypeMismatch: Rule = {
  id: 'hostdev-type-mismatch',
  severity: 'error',
  title: 'A host device setting its type does not take (model= on a PCI hostdev, startupPolicy off USB, sgio off SCSI…)',
  explanation:
    "Each <hostdev type=…> takes its own settings: model= belongs to type='mdev' and 'scsi_host' (a PCI device's " +
    "driver is <driver name='vfio'/>), startupPolicy= to USB, sgio= and rawio= to SCSI, display= and ramfb= to " +
    'mediated devices; the guest address is pci (or unassigned) for PCI, usb for USB, drive for SCSI. libvirt ' +
    "refuses the rest (\"'model' attribute in <hostdev> is only supported when type='pci'\"…) and drops display= " +
    "and ramfb= off a mediated device. A KVM/QEMU guest has no mode='capabilities' hostdevs (that is LXC's).",
  docs: DOCS.hostdev,
  check({ model, report }) {
    const virtType = model.type?.value;
    if (virtType !== 'kvm' && virtType !== 'qemu') return;
    const problems: Problem[] = [];
    for (const hostdev of devicesOfKind(model, 'hostdev')) {
      const element = hostdev.element;
      const mode = attribute(element, 'mode');
      if (mode?.value === 'capabilities') {
        problems.push({
          ...valueSpan(mode),
          message: refused(M.capabilitiesMode(), `hostdev mode 'capabilities' is not supported in ${virtType}`),
          fixes: (context) => [{ title: M.removeHostdev(), edits: [removeElement(element, context)] }],
        });
        continue;
      }
      const type = hostdev.type;
      if (!type || (mode && mode.value !== 'subsystem') || !['pci', 'usb', 'scsi', 'scsi_host', 'mdev'].includes(type)) continue;
      const startupPolicy = hostdev.source && attribute(hostdev.source, 'startupPolicy');
      if (startupPolicy && type !== 'usb')
        problems.push({
          ...valueSpan(startupPolicy),
          message: refused(M.attributeOnType({ name: 'startupPolicy', type }), 'Setting startupPolicy is only allowed for USB devices'),
          ...removeAttributeFix(hostdev.source!, startupPolicy),
        });
      for (const name of ['sgio', 'rawio']) {
        const scsiOnly = attribute(element, name);
        if (scsiOnly && type !== 'scsi')
          problems.push({
            ...valueSpan(scsiOnly),
            message: refused(M.attributeOnType({ name, type }), `${name} is only supported for scsi host device`),
            ...removeAttributeFix(element, scsiOnly),
          });
      }
      const modelAttribute = attribute(element, 'model');
      if (modelAttribute && type !== 'mdev' && type !== 'scsi_host')
        problems.push({
          ...valueSpan(modelAttribute),
          message: refused(M.modelOnType({ type }), `'model' attribute in <hostdev> is only supported when type='${type}'`),
          ...removeAttributeFix(element, modelAttribute),
        });
      if (type !== 'mdev')
        for (const name of ['display', 'ramfb']) {
          const mdevOnly = attribute(element, name);
          if (mdevOnly)
            problems.push({
              ...valueSpan(mdevOnly),
              severity: 'warning',
              message: M.mdevOnly({ name, type }),
              ...removeAttributeFix(element, mdevOnly),
            });
        }
      const guest = GUEST_ADDRESS[type];
      const addressType = hostdev.address && attribute(hostdev.address.element, 'type');
      if (guest && addressType?.value && !guest.types.includes(addressType.value)) {
        const address = hostdev.address!.element;
        problems.push({
          ...valueSpan(addressType),
          message: refused(M.guestAddressOnType({ addressType: addressType.value, type }), guest.says),
          fixes: (context) => [{ title: M.removeAddress(), edits: [removeElement(address, context)], preferred: true }],
        });
      }
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
