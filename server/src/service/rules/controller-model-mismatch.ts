import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { closest } from '../text/closest';
import { attribute, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

/** The models libvirt 9.0 knows for each controller type (its virDomainControllerModel* enums); the others have none. */
const MODELS: Readonly<Record<string, readonly string[]>> = {
  pci: [
    'pci-root',
    'pcie-root',
    'pci-bridge',
    'dmi-to-pci-bridge',
    'pcie-to-pci-bridge',
    'pcie-root-port',
    'pcie-switch-upstream-port',
    'pcie-switch-downstream-port',
    'pci-expander-bus',
    'pcie-expander-bus',
  ],
  scsi: [
    'auto',
    'buslogic',
    'lsilogic',
    'lsisas1068',
    'vmpvscsi',
    'ibmvscsi',
    'virtio-scsi',
    'lsisas1078',
    'virtio-transitional',
    'virtio-non-transitional',
    'ncr53c90',
    'dc390',
    'am53c974',
  ],
  usb: [
    'piix3-uhci',
    'piix4-uhci',
    'ehci',
    'ich9-ehci1',
    'ich9-uhci1',
    'ich9-uhci2',
    'ich9-uhci3',
    'vt82c686b-uhci',
    'pci-ohci',
    'nec-xhci',
    'qusb1',
    'qusb2',
    'qemu-xhci',
    'none',
  ],
  ide: ['piix3', 'piix4', 'ich6'],
  'virtio-serial': ['virtio', 'virtio-transitional', 'virtio-non-transitional'],
  isa: [],
  fdc: [],
  sata: [],
  ccid: [],
  xenbus: [],
};

export const controllerModelMismatch: Rule = {
  id: 'controller-model-mismatch',
  severity: 'error',
  title: "A controller model that is not one of its type's (a PCI model on a USB controller, any model on a SATA one)",
  explanation:
    "libvirt reads a <controller>'s model= among the models of its type — pci-root… for pci, qemu-xhci… for usb, " +
    'virtio-scsi… for scsi, piix3/piix4/ich6 for ide, virtio for virtio-serial; sata, fdc, ccid, isa and xenbus ' +
    'controllers have none — and refuses any other ("Unknown model type \'pcie-root\'"): what happens when a ' +
    "controller's type is changed and its model is not.",
  docs: DOCS.controllers,
  check({ model, report }) {
    for (const controller of devicesOfKind(model, 'controller')) {
      const type = controller.type ?? 'ide';
      // libvirt gives only PCI controller 0 a model of its own (the machine's root).
      if (type === 'pci' && controller.index !== undefined && controller.index > 0 && !attribute(controller.element, 'model'))
        report({
          ...nameSpan(controller.element),
          message: `PCI controller ${controller.index} has no model=: libvirt refuses the domain ("PCI controller model was not set correctly"). Give it one, e.g. pcie-root-port on q35.`,
        });
      const models = MODELS[type];
      const modelAttribute = attribute(controller.element, 'model');
      if (!models || !modelAttribute || models.includes(modelAttribute.value)) continue;
      const suggestion = closest(modelAttribute.value, models);
      report({
        ...valueSpan(modelAttribute),
        message: `'${modelAttribute.value}' is not a model of a ${type} controller${models.length ? ` (${models.slice(0, 6).join(', ')}${models.length > 6 ? '…' : ''})` : ', which has none'}: libvirt refuses the domain ("Unknown model type '${modelAttribute.value}'").`,
        fixes: suggestion
          ? (context) => [
              { title: `Change to '${suggestion}'`, edits: [replaceAttributeValue(modelAttribute, suggestion, context)], preferred: true },
            ]
          : undefined,
      });
    }
  },
};
