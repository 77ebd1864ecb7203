import { messages } from '../../l10n/message';
import { addToFeatures } from '../fixes/domainElements';
import { DOCS } from '../libvirtDocs';
import { guestArch, usesUefi } from '../model/domainModel';
import { attributeOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('uefi-requires-acpi', {
  requiresAcpi: 'UEFI on x86 requires ACPI: libvirt refuses the domain ("{libvirtSays}"). Add <acpi/> to <features>.',
  addAcpi: 'Add <acpi/> to <features>',
});

export const uefiRequiresAcpi: Rule = {
  id: 'uefi-requires-acpi',
  severity: 'error',
  title: 'An x86 guest boots with UEFI but has no <acpi/>',
  explanation:
    "OVMF, the x86 UEFI firmware, needs ACPI. libvirt refuses firmware='efi' (or a pflash loader) on x86 " +
    'without <features><acpi/></features>: "UEFI requires ACPI on this architecture".',
  docs: DOCS.bios,
  check({ model, host, report }) {
    const arch = guestArch(model, host.arch);
    if ((arch !== 'x86_64' && arch !== 'i686') || !usesUefi(model) || model.features.acpi) return;
    const os = model.os.element!;
    report({
      ...(model.os.firmware === 'efi' ? attributeOrTagSpan(os, 'firmware') : attributeOrTagSpan(model.os.loader!, 'type')),
      message: M.requiresAcpi({ libvirtSays: 'UEFI requires ACPI on this architecture' }),
      fixes: (context) => [{ title: M.addAcpi(), edits: [addToFeatures(model, { name: 'acpi' }, context)], preferred: true }],
    });
  },
};
