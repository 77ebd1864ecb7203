import { removeElement, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { usesUefi } from '../model/domainModel';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

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
      message:
        'ACPI on aarch64 requires UEFI: libvirt refuses the domain ("ACPI requires UEFI on this architecture"). ' +
        "Add firmware='efi' to <os>, or remove <acpi/>.",
      related: model.os.element ? [{ ...tagSpan(model.os.element), message: 'no UEFI firmware in <os>' }] : undefined,
      fixes: (context) => [
        ...(model.os.element
          ? [
              {
                title: "Boot with UEFI: <os firmware='efi'>",
                edits: [setAttribute(model.os.element, 'firmware', 'efi', context)],
                preferred: true,
              },
            ]
          : []),
        { title: 'Remove <acpi/>', edits: [removeElement(acpi, context)] },
      ],
    });
  },
};
