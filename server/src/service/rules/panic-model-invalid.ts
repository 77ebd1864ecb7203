import { messages } from '../../l10n/message';
import { removeElement, setAttribute } from '../edits/xmlEdits';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind, guestArch } from '../model/domainModel';
import { X86_ARCHES } from '../model/libvirtEnums';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, nameSpan, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('panic-model-invalid', {
  unknownModel: "'{value}' is not a panic model ({models})",
  modelOnMachine: "A panic device of model '{model}' on the {machine} machine",
  modelOnArch: "A panic device of model '{model}' on {arch} guests",
  defaultOnMachine: "A panic device (model '{model}' by default) on the {machine} machine",
  defaultOnArch: "A panic device (model '{model}' by default) on {arch} guests",
  removePanic: 'Remove the <panic>',
  addressOnModel: "An <address> on a panic device of model '{model}' (no device of its own)",
  removeAddress: 'Remove the <address>',
  isaWithAddressType: 'An isa panic device with a {type} address',
  changeToModel: "Change to model='{model}'",
});

const MODELS = ['isa', 'pseries', 'hyperv', 's390'];
/** Architectures whose QEMU has no ISA pvpanic device (only x86's has it; ARM's has none). */
const NO_ISA_PANIC = new Set(['aarch64', 'armv7l']);

export const panicModelInvalid: Rule = {
  id: 'panic-model-invalid',
  severity: 'error',
  title: 'A <panic> device its architecture or machine does not have, or with an address its model does not take',
  explanation:
    "<panic model='isa'> (the pvpanic device, the default outside pSeries and s390) is x86's: ARM's QEMU has no ISA " +
    'pvpanic ("the QEMU binary does not support the ISA panic device"). model=\'hyperv\' (Hyper-V crash MSRs) is for ' +
    "x86 guests, model='pseries' for ppc64 pSeries machines, model='s390' for s390 guests, and these three are no " +
    'devices: they take no <address>. An isa panic takes an ISA address (iobase=) only. libvirt refuses the rest.',
  docs: DOCS.panic,
  check({ model, host, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const panics = devicesOfKind(model, 'panic');
    if (panics.length === 0) return;
    const arch = guestArch(model, host.arch);
    const pseries = arch.startsWith('ppc64') && (model.os.machine === undefined || model.os.machine.startsWith('pseries'));
    const s390 = arch.startsWith('s390');
    const problems: Problem[] = [];
    for (const panic of panics) {
      const element = panic.element;
      const modelAttribute = attribute(element, 'model');
      if (modelAttribute && !MODELS.includes(modelAttribute.value)) {
        problems.push({
          ...valueSpan(modelAttribute),
          message: refused(
            M.unknownModel({ value: modelAttribute.value, models: MODELS.join(', ') }),
            `unknown panic model '${modelAttribute.value}'`,
          ),
          fixes: X86_ARCHES.has(arch) ? changeModel(element, 'isa') : undefined,
        });
        continue;
      }
      const name = modelAttribute?.value ?? (pseries ? 'pseries' : s390 ? 's390' : 'isa');
      const at = modelAttribute ? valueSpan(modelAttribute) : nameSpan(element);
      const address = panic.address;
      const wrongPlace =
        name === 's390'
          ? !s390 && "only S390 guests support panic device of model 's390'"
          : name === 'hyperv'
            ? !X86_ARCHES.has(arch) && "only i686 and x86_64 guests support panic device of model 'hyperv'"
            : name === 'pseries'
              ? !pseries && "only pSeries guests support panic device of model 'pseries'"
              : NO_ISA_PANIC.has(arch) && 'the QEMU binary does not support the ISA panic device';
      if (wrongPlace) {
        // A pseries panic on ppc64 is out of place on its machine (not a pSeries one), the others on the architecture.
        const machine = name === 'pseries' && arch.startsWith('ppc64') ? model.os.machine : undefined;
        const problem =
          machine !== undefined
            ? modelAttribute
              ? M.modelOnMachine({ model: name, machine })
              : M.defaultOnMachine({ model: name, machine })
            : modelAttribute
              ? M.modelOnArch({ model: name, arch })
              : M.defaultOnArch({ model: name, arch });
        problems.push({
          ...at,
          message: refused(problem, wrongPlace),
          fixes: (context) => [
            ...(X86_ARCHES.has(arch) ? changeModel(element, 'isa')(context) : []),
            { title: M.removePanic(), edits: [removeElement(element, context)], preferred: !X86_ARCHES.has(arch) },
          ],
        });
        continue;
      }
      if (!address) continue;
      if (name !== 'isa')
        problems.push({
          ...nameSpan(address.element),
          message: refused(M.addressOnModel({ model: name }), `setting the panic device address is not supported for model '${name}'`),
          fixes: (context) => [{ title: M.removeAddress(), edits: [removeElement(address.element, context)], preferred: true }],
        });
      else if (address.type !== undefined && address.type !== 'isa')
        problems.push({
          ...valueSpan(attribute(address.element, 'type')!),
          message: refused(M.isaWithAddressType({ type: address.type }), 'panic is supported only with ISA address type'),
          fixes: (context) => [{ title: M.removeAddress(), edits: [removeElement(address.element, context)], preferred: true }],
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

const changeModel =
  (element: XmlElement, value: string) =>
  (context: FixContext): Fix[] => [
    { title: M.changeToModel({ model: value }), edits: [setAttribute(element, 'model', value, context)], preferred: true },
  ];
