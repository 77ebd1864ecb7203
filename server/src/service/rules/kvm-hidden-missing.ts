import { messages } from '../../l10n/message';
import { hideKvmEdits } from '../fixes/hypervisorHiding';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { passthroughToWindows } from '../model/windowsPassthrough';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('kvm-hidden-missing', {
  notHidden:
    "{device} is passed to a Windows guest ({reason}) and KVM is not hidden: NVIDIA drivers stop with Code 43. Add <kvm><hidden state='on'/></kvm> to <features>.",
  noHidden: "<kvm> has no <hidden state='on'/>",
  addHidden: "Add <kvm><hidden state='on'/></kvm> to <features>",
});

export const kvmHiddenMissing: Rule = {
  id: 'kvm-hidden-missing',
  severity: 'warning',
  title: 'A PCI device is passed to a Windows guest and KVM is not hidden',
  explanation:
    "QEMU announces KVM to the guest through CPUID. NVIDIA's Windows driver (before R465) and some anti-cheat " +
    "software refuse to run when they see it: the GPU shows error Code 43. <kvm><hidden state='on'/></kvm> in " +
    '<features> removes the KVM signature.',
  docs: DOCS.features,
  check({ model, report }) {
    const passthrough = passthroughToWindows(model);
    if (!passthrough || model.features.kvmHidden) return;
    const kvm = model.features.kvm;
    report({
      ...tagSpan(passthrough.hostdev.element),
      message: M.notHidden({ device: deviceLabel(passthrough.hostdev), reason: passthrough.reason }),
      related: kvm ? [{ ...tagSpan(kvm), message: M.noHidden() }] : undefined,
      fixes: (context) => [{ title: M.addHidden(), edits: hideKvmEdits(context.model, context), preferred: true }],
    });
  },
};
