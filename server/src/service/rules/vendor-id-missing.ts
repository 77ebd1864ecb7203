import { messages } from '../../l10n/message';
import { addVendorIdEdits, DEFAULT_VENDOR_ID } from '../fixes/hypervisorHiding';
import { DOCS } from '../libvirtDocs';
import { deviceLabel } from '../model/deviceLabel';
import { passthroughToWindows } from '../model/windowsPassthrough';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('vendor-id-missing', {
  notSet:
    "{device} is passed to a Windows guest ({reason}) without a Hyper-V vendor_id: NVIDIA drivers stop with Code 43. Add <vendor_id state='on' value='...'/> to <hyperv>.",
  belongsInHyperv: 'vendor_id belongs in <hyperv>',
  addVendorId: "Add <vendor_id state='on' value='{value}'/> to <hyperv>",
});

export const vendorIdMissing: Rule = {
  id: 'vendor-id-missing',
  severity: 'warning',
  title: 'A PCI device is passed to a Windows guest whose Hyper-V vendor_id is not set',
  explanation:
    "With Hyper-V enlightenments on, the guest sees the hypervisor vendor 'Microsoft Hv'. NVIDIA's Windows " +
    "driver then stops the passed-through GPU with error Code 43. Setting <vendor_id state='on' value='...'/> in " +
    "<hyperv> (any 1-12 characters) hides it; add <kvm><hidden state='on'/></kvm> as well.",
  docs: DOCS.features,
  check({ model, report }) {
    const passthrough = passthroughToWindows(model);
    if (!passthrough || model.features.vendorId) return;
    const hyperv = model.features.hyperv;
    report({
      ...tagSpan(passthrough.hostdev.element),
      message: M.notSet({ device: deviceLabel(passthrough.hostdev), reason: passthrough.reason }),
      related: hyperv ? [{ ...tagSpan(hyperv), message: M.belongsInHyperv() }] : undefined,
      fixes: (context) => [
        {
          title: M.addVendorId({ value: DEFAULT_VENDOR_ID }),
          edits: addVendorIdEdits(context.model, context),
          preferred: true,
        },
      ],
    });
  },
};
