import { messages } from '../../l10n/message';
import { removeAttribute, removeElement, replaceAttributeValue, replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { guestArch, machineAsLibvirtSaysIt } from '../model/domainModel';
import { X86_ARCHES } from '../model/libvirtEnums';
import { parseSize } from '../model/sizeUnits';
import { refusedAtDefine as refused } from '../refusals';
import type { XmlElement } from '../xml/xmlTree';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('feature-machine-mismatch', {
  removeElement: 'Remove <{name}>',
  ioapicDriverOn: 'An I/O APIC driver on {arch}',
  gicElsewhere: 'A GIC (the interrupt controller of ARM virt machines) on another machine',
  outsidePseries: '<{name}> outside an IBM POWER pSeries machine',
  vmportElsewhere: "<vmport> (VMware's I/O port) outside an x86 pc or q35 machine",
  eoiOn: 'The x86 paravirtual EOI (<apic eoi=>) on {arch}',
  removeEoi: 'Remove eoi=',
  pvspinlockOn: '<pvspinlock> on {arch}',
  hypervOn: 'Hyper-V enlightenments on {arch}',
  pmuOffOn: "<pmu state='off'> on {arch}",
  tsegOutsideQ35: 'An SMM TSEG size outside a q35 machine',
  tsegNotWholeMib: 'An SMM TSEG size that is not whole MiB',
  changeToMib: 'Change to {mib} MiB',
  tcgInType: "TCG settings in a type='{type}' domain (they tune QEMU's emulator, type='qemu')",
  tbCacheNotWholeMib: 'A TCG translation block cache that is not whole MiB',
});

const ARM = new Set(['aarch64', 'armv7l', 'armv6l']);
const PPC64 = new Set(['ppc64', 'ppc64le']);
/** The features only IBM POWER pSeries machines have (qemuValidateDomainDefPSeriesFeature). */
const PSERIES_ONLY = ['hpt', 'htm', 'nested-hv', 'ccf-assist', 'cfpc', 'sbbc', 'ibs'];
const MIB = 1024 * 1024;

export const featureMachineMismatch: Rule = {
  id: 'feature-machine-mismatch',
  severity: 'error',
  title: 'A <features> entry the architecture or machine type does not have (gic off ARM virt, ioapic off x86, SMM TSEG off q35…)',
  explanation:
    "Some <features> belong to one kind of machine: <gic> to ARM's virt; <ioapic driver>, <pvspinlock>, <apic eoi> and " +
    '<vmport> to x86 (vmport to pc and q35 only); <hyperv> to x86 and ARM virt; <hpt>, <htm>, <nested-hv>, ' +
    '<ccf-assist>, <cfpc>, <sbbc> and <ibs> to IBM POWER pSeries; an SMM <tseg> size to q35 (in whole MiB); <tcg> to ' +
    "type='qemu' domains (a tb-cache in whole MiB); POWER's PMU cannot be turned off. libvirt refuses the rest " +
    "(\"The 'gic' feature is not supported for architecture 'x86_64' or machine type 'pc-q35-7.2'\"…). A definition " +
    'copied between architectures carries them along.',
  docs: DOCS.features,
  check({ model, host, report }) {
    const features = model.features.element;
    if (!features || (model.type?.value !== 'kvm' && model.type?.value !== 'qemu')) return;
    const arch = guestArch(model, host.arch || 'x86_64');
    const machine = model.os.machine ?? '';
    const shown = machineAsLibvirtSaysIt(model.os.machine);
    const family = model.os.machineFamily;
    const x86 = X86_ARCHES.has(arch);
    const armVirt = ARM.has(arch) && family === 'virt';
    const pseries = PPC64.has(arch) && machine.startsWith('pseries');
    const notFor = (name: string) => `The '${name}' feature is not supported for architecture '${arch}' or machine type '${shown}'`;
    const problems: Problem[] = [];
    const removeFix =
      (element: XmlElement): Problem['fixes'] =>
      (context) => [{ title: M.removeElement({ name: element.name }), edits: [removeElement(element, context)], preferred: true }];

    for (const feature of features.children) {
      const name = feature.name;
      if (name === 'ioapic') {
        const driver = attribute(feature, 'driver');
        if (driver?.value && !x86)
          problems.push({
            ...valueSpan(driver),
            message: refused(M.ioapicDriverOn({ arch }), notFor('ioapic')),
            fixes: removeFix(feature),
          });
      } else if (name === 'gic') {
        if (!armVirt)
          problems.push({
            ...nameSpan(feature),
            message: refused(M.gicElsewhere(), notFor('gic')),
            fixes: removeFix(feature),
          });
      } else if (PSERIES_ONLY.includes(name)) {
        if (!pseries && pseriesFeatureSet(feature))
          problems.push({
            ...nameSpan(feature),
            message: refused(M.outsidePseries({ name }), notFor(name)),
            fixes: removeFix(feature),
          });
      } else if (name === 'vmport') {
        if (!x86 || !(family === 'i440fx' || family === 'q35' || machine === 'isapc'))
          problems.push({
            ...nameSpan(feature),
            message: refused(M.vmportElsewhere(), 'vmport is not available with this QEMU binary'),
            fixes: removeFix(feature),
          });
      } else if (name === 'apic') {
        const eoi = attribute(feature, 'eoi');
        if (eoi && !x86)
          problems.push({
            ...valueSpan(eoi),
            message: refused(
              M.eoiOn({ arch }),
              `The 'eoi' attribute of the 'apic' feature is not supported for architecture '${arch}' or machine type '${shown}'`,
            ),
            fixes: (context) => [{ title: M.removeEoi(), edits: [removeAttribute(feature, eoi, context)], preferred: true }],
          });
      } else if (name === 'pvspinlock') {
        if (!x86)
          problems.push({
            ...nameSpan(feature),
            message: refused(M.pvspinlockOn({ arch }), notFor('pvspinlock')),
            fixes: removeFix(feature),
          });
      } else if (name === 'hyperv') {
        if (!x86 && !armVirt)
          problems.push({
            ...nameSpan(feature),
            message: refused(
              M.hypervOn({ arch }),
              `Hyperv features are not supported for architecture '${arch}' or machine type '${shown}'`,
            ),
            fixes: removeFix(feature),
          });
      } else if (name === 'pmu') {
        const state = attribute(feature, 'state');
        if (state?.value === 'off' && PPC64.has(arch))
          problems.push({
            ...valueSpan(state),
            message: refused(M.pmuOffOn({ arch }), `PMU is always enabled for architecture '${arch}'`),
            fixes: removeFix(feature),
          });
      } else if (name === 'smm') checkTseg(feature, family === 'q35' && x86, problems);
      else if (name === 'tcg') checkTcg(feature, model.type!.value, problems);
    }
    for (const problem of problems) report(problem);
  },
};

/** Whether libvirt counts a pSeries feature as set: <hpt> with resizing or a page size, the others with their value. */
function pseriesFeatureSet(feature: XmlElement): boolean {
  if (feature.name === 'hpt') return attribute(feature, 'resizing') !== undefined || firstChild(feature, 'maxpagesize') !== undefined;
  if (feature.name === 'cfpc' || feature.name === 'sbbc' || feature.name === 'ibs') return attribute(feature, 'value') !== undefined;
  return attribute(feature, 'state') !== undefined;
}

function checkTseg(smm: XmlElement, q35: boolean, problems: Problem[]): void {
  if ((attributeValue(smm, 'state') ?? 'on') !== 'on') return;
  const tseg = firstChild(smm, 'tseg');
  if (!tseg) return;
  if (!q35) {
    problems.push({
      ...nameSpan(tseg),
      message: refused(M.tsegOutsideQ35(), 'SMM TSEG is only supported with q35 machine type'),
      fixes: (context) => [{ title: M.removeElement({ name: 'tseg' }), edits: [removeElement(tseg, context)], preferred: true }],
    });
    return;
  }
  const size = parseSize(tseg.text.trim(), attributeValue(tseg, 'unit'), MIB);
  if ('bytes' in size && size.bytes % MIB !== 0) {
    const mib = String(Math.ceil(size.bytes / MIB));
    problems.push({
      ...nameSpan(tseg),
      message: refused(M.tsegNotWholeMib(), 'SMM TSEG size must be divisible by 1 MiB'),
      fixes: (context) => [
        {
          title: M.changeToMib({ mib }),
          edits: [
            replaceText(tseg, mib),
            ...(attribute(tseg, 'unit') ? [replaceAttributeValue(attribute(tseg, 'unit')!, 'MiB', context)] : []),
          ],
          preferred: true,
        },
      ],
    });
  }
}

function checkTcg(tcg: XmlElement, type: string, problems: Problem[]): void {
  const cache = firstChild(tcg, 'tb-cache');
  if (!cache) return;
  const size = parseSize(cache.text.trim(), attributeValue(cache, 'unit'));
  if (!('bytes' in size) || size.bytes === 0) return;
  if (type !== 'qemu')
    problems.push({
      ...nameSpan(tcg),
      message: refused(M.tcgInType({ type }), `TCG features are incompatible with domain type '${type}'`),
      fixes: (context) => [{ title: M.removeElement({ name: 'tcg' }), edits: [removeElement(tcg, context)], preferred: true }],
    });
  else if (Math.ceil(size.bytes / 1024) % 1024 !== 0)
    problems.push({
      ...nameSpan(cache),
      message: refused(M.tbCacheNotWholeMib(), 'tb-cache size must be an integer multiple of MiB'),
    });
}
