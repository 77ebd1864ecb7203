import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('nic-not-virtio', {
  emulated: "NIC model {model} is emulated; model type='virtio' is faster (the guest needs the virtio-net driver).",
  changeToVirtio: 'Change the NIC model to virtio',
});

/** NIC models QEMU emulates in full: real hardware, slower than virtio-net. */
export const EMULATED_NIC_MODELS = new Set([
  'e1000',
  'e1000e',
  'e1000-82540em',
  'e1000-82544gc',
  'e1000-82545em',
  'rtl8139',
  'ne2k_pci',
  'pcnet',
  'i82551',
  'i82557b',
  'i82559er',
  'vmxnet3',
  'igb',
  'tulip',
]);

export const nicNotVirtio: Rule = {
  id: 'nic-not-virtio',
  severity: 'info',
  title: 'A network interface uses an emulated NIC model instead of virtio',
  explanation:
    'Emulated NICs (e1000, e1000e, rtl8139...) work without guest drivers but cost more CPU per packet than ' +
    'virtio-net. Linux has the virtio driver built in; Windows needs the virtio-win drivers installed first.',
  docs: DOCS.nicModel,
  check({ model, report }) {
    for (const nic of devicesOfKind(model, 'interface')) {
      const type = nic.model ? attribute(nic.model, 'type') : undefined;
      if (!type || !EMULATED_NIC_MODELS.has(type.value)) continue;
      report({
        ...valueSpan(type),
        message: M.emulated({ model: type.value }),
        fixes: (context) => [{ title: M.changeToVirtio(), edits: [replaceAttributeValue(type, 'virtio', context)], preferred: true }],
      });
    }
  },
};
