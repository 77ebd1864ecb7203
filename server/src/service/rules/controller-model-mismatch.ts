import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { CONTROLLER_MODELS as MODELS } from '../model/controllerModels';
import { devicesOfKind } from '../model/domainModel';
import { closest } from '../text/closest';
import { attribute, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('controller-model-mismatch', {
  noModel: 'PCI controller {index} has no model=: libvirt refuses the domain ("{libvirtSays}"). Give it one, e.g. pcie-root-port on q35.',
  notAModel: '\'{value}\' is not a model of a {type} controller ({models}): libvirt refuses the domain ("{libvirtSays}").',
  notAModelNone: '\'{value}\' is not a model of a {type} controller, which has none: libvirt refuses the domain ("{libvirtSays}").',
  changeTo: "Change to '{model}'",
});

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
          message: M.noModel({ index: controller.index, libvirtSays: 'PCI controller model was not set correctly' }),
        });
      const models = MODELS[type];
      const modelAttribute = attribute(controller.element, 'model');
      if (!models || !modelAttribute || models.includes(modelAttribute.value)) continue;
      const suggestion = closest(modelAttribute.value, models);
      report({
        ...valueSpan(modelAttribute),
        message: models.length
          ? M.notAModel({
              value: modelAttribute.value,
              type,
              models: `${models.slice(0, 6).join(', ')}${models.length > 6 ? '…' : ''}`,
              libvirtSays: `Unknown model type '${modelAttribute.value}'`,
            })
          : M.notAModelNone({ value: modelAttribute.value, type, libvirtSays: `Unknown model type '${modelAttribute.value}'` }),
        fixes: suggestion
          ? (context) => [
              {
                title: M.changeTo({ model: suggestion }),
                edits: [replaceAttributeValue(modelAttribute, suggestion, context)],
                preferred: true,
              },
            ]
          : undefined,
      });
    }
  },
};
