import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('iommu-invalid', {
  second: 'A second <iommu>',
  intelOutsideQ35: 'An Intel IOMMU on a machine other than q35',
  smmuOutsideArm: 'An SMMUv3 outside an ARM virt machine',
  virtioOutsideQ35Arm: 'A virtio IOMMU outside q35 and ARM virt',
  virtioWithoutAcpi: 'A virtio IOMMU without <acpi/>',
  intremapWithoutSplitIoapic: "intremap='on' without <ioapic driver='qemu'/>",
  eimWithoutIntremap: "eim='on' without intremap='on'",
});

export const iommuInvalid: Rule = {
  id: 'iommu-invalid',
  severity: 'error',
  title: "An emulated IOMMU its machine cannot have, or whose driver settings don't go together",
  explanation:
    "<iommu model='intel'> needs a q35 machine, 'smmuv3' an ARM virt machine, 'virtio' either of them, ACPI and a PCI " +
    "address; one IOMMU per domain. Interrupt remapping (<driver intremap='on'>) needs the split I/O APIC " +
    "(<features><ioapic driver='qemu'/>), and eim='on' needs intremap='on'. libvirt refuses the rest, each with its " +
    'message ("IOMMU device: \'intel\' is only supported with Q35 machines"…).',
  docs: DOCS.devices,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    const iommus = devicesOfKind(model, 'iommu');
    const problems: Problem[] = [];
    for (const extra of iommus.slice(1))
      problems.push({ ...nameSpan(extra.element), message: refused(M.second(), 'only a single IOMMU device is supported') });
    const iommu = iommus[0];
    if (iommu) {
      const modelAttribute = attribute(iommu.element, 'model');
      const family = model.os.machineFamily;
      const arm = ['aarch64', 'armv7l'].includes(model.os.arch ?? '') && family === 'virt';
      const q35 = family === 'q35';
      const name = modelAttribute?.value;
      const at = modelAttribute ? valueSpan(modelAttribute) : nameSpan(iommu.element);
      if (name === 'intel' && !q35)
        problems.push({
          ...at,
          message: refused(M.intelOutsideQ35(), "IOMMU device: 'intel' is only supported with Q35 machines"),
        });
      else if (name === 'smmuv3' && !arm)
        problems.push({
          ...at,
          message: refused(M.smmuOutsideArm(), "IOMMU device: 'smmuv3' is only supported with ARM Virt machines"),
        });
      else if (name === 'virtio' && !q35 && !arm)
        problems.push({
          ...at,
          message: refused(M.virtioOutsideQ35Arm(), "IOMMU device: 'virtio' is only supported with Q35 and ARM Virt machines"),
        });
      else if (name === 'virtio' && !model.features.acpi)
        problems.push({ ...at, message: refused(M.virtioWithoutAcpi(), "IOMMU device: 'virtio' requires ACPI") });
      const driver = firstChild(iommu.element, 'driver');
      const intremap = driver && attribute(driver, 'intremap');
      const eim = driver && attribute(driver, 'eim');
      if (intremap?.value === 'on' && attributeValue(model.features.ioapic, 'driver') !== 'qemu')
        problems.push({
          ...valueSpan(intremap),
          message: refused(M.intremapWithoutSplitIoapic(), "IOMMU interrupt remapping requires split I/O APIC (ioapic driver='qemu')"),
        });
      if (eim?.value === 'on' && intremap?.value !== 'on')
        problems.push({
          ...valueSpan(eim),
          message: refused(M.eimWithoutIntremap(), 'IOMMU eim requires interrupt remapping to be enabled'),
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};
