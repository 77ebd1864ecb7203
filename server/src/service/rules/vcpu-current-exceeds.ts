import { messages } from '../../l10n/message';
import { replaceAttributeValue, replaceText } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { textOrTagSpan } from '../validation/spans';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('vcpu-current-exceeds', {
  aboveMaximum:
    'current=\'{current}\' is above the maximum of {maximum} vCPUs: libvirt refuses the domain ("{libvirtSays}"). Raise <vcpu> or lower current.',
  maximumIs: 'the maximum is {maximum}',
  setCurrent: 'Set current to {maximum}',
  raiseVcpu: 'Raise <vcpu> to {current}',
});

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
    const { current, maximum } = vcpu;
    report({
      ...valueSpan(attribute(vcpu.element, 'current')!),
      message: M.aboveMaximum({
        current,
        maximum,
        libvirtSays: 'maximum vCPU count must not be less than current vCPU count',
      }),
      related: [{ ...textOrTagSpan(vcpu.element), message: M.maximumIs({ maximum }) }],
      fixes: (context) => [
        {
          title: M.setCurrent({ maximum }),
          edits: [replaceAttributeValue(attribute(vcpu.element, 'current')!, String(maximum), context)],
          preferred: true,
        },
        { title: M.raiseVcpu({ current }), edits: [replaceText(vcpu.element, String(current))] },
      ],
    });
  },
};
