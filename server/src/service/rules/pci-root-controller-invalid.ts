import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const X86 = new Set(['x86_64', 'i686']);
const VIRT_ARCHES = new Set(['aarch64', 'armv7l', 'riscv64', 'riscv32']);

export const pciRootControllerInvalid: Rule = {
  id: 'pci-root-controller-invalid',
  severity: 'error',
  title: "A PCI controller of index 0 that is not the machine's root (pci-root on i440fx, pcie-root on q35 and virt)",
  explanation:
    "Bus 0 is the machine's own root bus: libvirt refuses a <controller type='pci' index='0'> whose model is not " +
    "pci-root on i440fx (pc) or pcie-root on q35 and ARM/RISC-V virt (\"The PCI controller with index='0' must be " +
    "model='pcie-root' for this machine type\"; a missing model is reported as model='(null)'), and a pci-root or " +
    'pcie-root with another index ("pci-root and pcie-root controllers should have index 0"; pSeries aside).',
  docs: DOCS.controllers,
  check({ model, report }) {
    const arch = model.os.arch ?? 'x86_64';
    const family = model.os.machineFamily;
    const root =
      X86.has(arch) && family === 'i440fx'
        ? 'pci-root'
        : (X86.has(arch) && family === 'q35') || (VIRT_ARCHES.has(arch) && family === 'virt')
          ? 'pcie-root'
          : undefined;
    for (const controller of devicesOfKind(model, 'controller')) {
      if (attribute(controller.element, 'type')?.value !== 'pci') continue;
      const modelAttribute = attribute(controller.element, 'model');
      // Without index= libvirt gives the controller a free one — 0 for a root model, which is bus 0.
      const root0 = modelAttribute?.value === 'pci-root' || modelAttribute?.value === 'pcie-root';
      const index = controller.index ?? (root0 && attribute(controller.element, 'index') === undefined ? 0 : undefined);
      if (index === 0 && root && modelAttribute?.value !== root) {
        report({
          ...(modelAttribute ? valueSpan(modelAttribute) : nameSpan(controller.element)),
          message: `Bus 0 of this machine is its ${root}: libvirt refuses the domain ("The PCI controller with index='0' must be model='${root}' for this machine type, but model='${modelAttribute?.value ?? '(null)'}' was found instead").`,
          fixes: (context) => [
            { title: `Set model='${root}'`, edits: [setAttribute(controller.element, 'model', root, context)], preferred: true },
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
          message: `A ${modelAttribute.value} is bus 0: libvirt refuses the domain ("pci-root and pcie-root controllers should have index 0").`,
        });
    }
  },
};
