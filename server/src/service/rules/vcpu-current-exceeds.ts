import { attribute, textOf, valueSpan } from '../xml/xmlTree';
import { DOCS } from './docs';
import type { Rule } from './rule';
import { textOrTagSpan } from './spans';

export const vcpuCurrentExceeds: Rule = {
  id: 'vcpu-current-exceeds',
  severity: 'error',
  title: "<vcpu current='N'> is above the maximum vCPU count",
  explanation: '<vcpu>N</vcpu> is the most vCPUs the guest can have; current= is how many are online at boot. libvirt '
    + 'refuses current above the maximum: "maximum vCPU count must not be less than current vCPU count".',
  docs: DOCS.cpuAllocation,
  check({ model, report }) {
    const vcpu = model.vcpu;
    const current = vcpu ? attribute(vcpu, 'current') : undefined;
    const maximum = textOf(vcpu);
    if (!current || !maximum || !/^[0-9]+$/.test(current.value.trim()) || !/^[0-9]+$/.test(maximum)) return;
    if (Number(current.value) <= Number(maximum)) return;
    report({
      ...valueSpan(current),
      message: `current='${current.value.trim()}' is above the maximum of ${maximum} vCPUs; raise <vcpu> or lower current.`,
      related: [{ ...textOrTagSpan(vcpu!), message: `the maximum is ${maximum}` }],
    });
  },
};
