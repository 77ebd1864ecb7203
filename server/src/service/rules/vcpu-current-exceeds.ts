import { replaceAttributeValue, replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { textOrTagSpan } from '../validation/spans';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

export const vcpuCurrentExceeds: Rule = {
  id: 'vcpu-current-exceeds',
  severity: 'error',
  title: "<vcpu current='N'> is above the maximum vCPU count",
  explanation:
    '<vcpu>N</vcpu> is the most vCPUs the guest can have; current= is how many are online at boot. libvirt ' +
    'refuses current above the maximum: "maximum vCPU count must not be less than current vCPU count".',
  docs: DOCS.cpuAllocation,
  check({ model, report }) {
    const vcpu = model.vcpu;
    if (vcpu?.current === undefined || vcpu.maximum === undefined || vcpu.current <= vcpu.maximum) return;
    report({
      ...valueSpan(attribute(vcpu.element, 'current')!),
      message:
        `current='${vcpu.current}' is above the maximum of ${vcpu.maximum} vCPUs: libvirt refuses the domain ` +
        '("maximum vCPU count must not be less than current vCPU count"). Raise <vcpu> or lower current.',
      related: [{ ...textOrTagSpan(vcpu.element), message: `the maximum is ${vcpu.maximum}` }],
      fixes: (context) => [
        {
          title: `Set current to ${vcpu.maximum}`,
          edits: [replaceAttributeValue(attribute(vcpu.element, 'current')!, String(vcpu.maximum), context)],
          preferred: true,
        },
        { title: `Raise <vcpu> to ${vcpu.current}`, edits: [replaceText(vcpu.element, String(vcpu.current))] },
      ],
    });
  },
};
