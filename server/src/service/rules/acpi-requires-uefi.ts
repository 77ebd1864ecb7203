import { messages } from '../../l10n/message';
import { removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { usesUefi } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('acpi-requires-uefi', {
  requiresUefi:
    'ACPI on aarch64 requires UEFI: libvirt refuses the domain ("{libvirtSays}"). Add firmware=\'efi\' to <os>, or remove <acpi/>.',
  noUefiInOs: 'no UEFI firmware in <os>',
  bootWithUefi: "Boot with UEFI: <os firmware='efi'>",
  removeAcpi: 'Remove <acpi/>',
});

export const acpiRequiresUefi: Rule = {
  id: 'acpi-requires-uefi',
  severity: 'error',
  title: 'An aarch64 guest has <acpi/> but no UEFI firmware',
  explanation:
    'On aarch64, ACPI tables come from UEFI firmware (AAVMF/edk2). libvirt refuses <acpi/> without it: "ACPI ' +
    "requires UEFI on this architecture\". Add firmware='efi' to <os> (libvirt picks the firmware), give a " +
    "<loader type='pflash'>, or remove <acpi/>.",
  docs: DOCS.bios,
  check({ model, report }) {
    const acpi = model.features.acpi;
    if (!acpi || model.os.arch !== 'aarch64' || usesUefi(model)) return;
    report({
      ...tagSpan(acpi),
      message: M.requiresUefi({ libvirtSays: 'ACPI requires UEFI on this architecture' }),
      related: model.os.element ? [{ ...tagSpan(model.os.element), message: M.noUefiInOs() }] : undefined,
      fixes: (context) => [
        ...(model.os.element
          ? [
              {
                title: M.bootWithUefi(),
                edits: [setAttribute(model.os.element, 'firmware', 'efi', context)],
                preferred: true,
              },
            ]
          : []),
        { title: M.removeAcpi(), edits: [removeElement(acpi, context)] },
      ],
    });
  },
};
