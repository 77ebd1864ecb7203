import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { controllerIndexes } from '../model/controllerIndexes';
import { X86_ARCHES } from '../model/libvirtEnums';
import { attribute, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('pci-root-controller-invalid', {
  noIndexNoModel:
    'A PCI controller without index= (libvirt makes it index {index}) and without model=: libvirt refuses the domain ("{libvirtSays}"). Name the model: pcie-root-port on q35 and virt, pci-bridge on i440fx.',
  setModel: "Set model='{model}'",
  bus0IsRoot: 'Bus 0 of this machine is its {root}: libvirt refuses the domain ("{libvirtSays}").',
  rootIsBus0: 'A {model} is bus 0: libvirt refuses the domain ("{libvirtSays}").',
});

const VIRT_ARCHES = new Set(['aarch64', 'armv7l', 'riscv64', 'riscv32']);

export const pciRootControllerInvalid: Rule = {
  id: 'pci-root-controller-invalid',
  severity: 'error',
  title:
    "A PCI controller of index 0 that is not the machine's root (pci-root on i440fx, pcie-root on q35 and virt), or of another index without a model",
  explanation:
    "Bus 0 is the machine's own root bus: libvirt refuses a <controller type='pci' index='0'> whose model is not " +
    "pci-root on i440fx (pc) or pcie-root on q35 and ARM/RISC-V virt (\"The PCI controller with index='0' must be " +
    "model='pcie-root' for this machine type\"; a missing model is reported as model='(null)'), and a pci-root or " +
    'pcie-root with another index ("pci-root and pcie-root controllers should have index 0"; pSeries aside). A ' +
    'controller without index= gets the lowest free one (0 when no other has it); one of another index needs its ' +
    'model= ("PCI controller model was not set correctly").',
  docs: DOCS.controllers,
  check({ model, report }) {
    const arch = model.os.arch ?? 'x86_64';
    const family = model.os.machineFamily;
    const root =
      X86_ARCHES.has(arch) && family === 'i440fx'
        ? 'pci-root'
        : (X86_ARCHES.has(arch) && family === 'q35') || (VIRT_ARCHES.has(arch) && family === 'virt')
          ? 'pcie-root'
          : undefined;
    // Without index= libvirt gives a controller the lowest free index: 0, bus 0, unless another has it.
    const indexes = controllerIndexes(model, 'pci');
    for (const [controller, index] of indexes) {
      if (attribute(controller.element, 'type')?.value !== 'pci') continue;
      const modelAttribute = attribute(controller.element, 'model');
      // One of index= 1 or more without model= is controller-model-mismatch's.
      if (index !== 0 && root && !modelAttribute?.value && attribute(controller.element, 'index') === undefined) {
        report({
          ...nameSpan(controller.element),
          message: M.noIndexNoModel({ index, libvirtSays: 'PCI controller model was not set correctly' }),
          fixes: (context) => {
            const kind = root === 'pcie-root' ? 'pcie-root-port' : 'pci-bridge';
            return [
              { title: M.setModel({ model: kind }), edits: [setAttribute(controller.element, 'model', kind, context)], preferred: true },
            ];
          },
        });
        continue;
      }
      if (index === 0 && root && modelAttribute?.value !== root) {
        report({
          ...(modelAttribute ? valueSpan(modelAttribute) : nameSpan(controller.element)),
          message: M.bus0IsRoot({
            root,
            libvirtSays: `The PCI controller with index='0' must be model='${root}' for this machine type, but model='${modelAttribute?.value ?? '(null)'}' was found instead`,
          }),
          fixes: (context) => [
            { title: M.setModel({ model: root }), edits: [setAttribute(controller.element, 'model', root, context)], preferred: true },
          ],
        });
      } else if (
        index !== undefined &&
        index !== 0 &&
        (modelAttribute?.value === 'pci-root' || modelAttribute?.value === 'pcie-root') &&
        !model.os.machine?.startsWith('pseries')
      )
        report({
          ...valueSpan(modelAttribute),
          message: M.rootIsBus0({ model: modelAttribute.value, libvirtSays: 'pci-root and pcie-root controllers should have index 0' }),
        });
    }
  },
};
