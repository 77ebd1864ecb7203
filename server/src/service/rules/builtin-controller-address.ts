import { type Message, messages } from '../../l10n/message';
import { removeElement } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { formatPciAddress, type PciAddress } from '../model/pciAddress';
import { attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('builtin-controller-address', {
  primaryIde: 'Primary IDE controller',
  piix3Usb: 'PIIX3 USB controller',
  primarySata: 'Primary SATA controller',
  movedOff: '{controller} is built into the machine at {builtinAt}, not {address}: libvirt refuses the domain ("{libvirtSays}").',
  removeAddress: 'Remove the address (libvirt puts it at its slot)',
});

interface Builtin {
  readonly type: string;
  /** The models pinned there (undefined: any). */
  readonly models?: readonly (string | undefined)[];
  readonly at: PciAddress;
  /** Our name of it. */
  readonly name: Message;
  /** libvirt's name of it in its message. */
  readonly label: string;
  /** libvirt's form of the address in its message. */
  readonly written: string;
}

/** The controllers a machine builds in, pinned to their slot (libvirt's qemuDomainValidateDevicePCISlots*). */
const BUILTINS: Readonly<Record<string, readonly Builtin[]>> = {
  i440fx: [
    {
      type: 'ide',
      at: { domain: 0, bus: 0, slot: 1, function: 1 },
      name: M.primaryIde(),
      label: 'Primary IDE controller',
      written: '0:0:1.1',
    },
    {
      type: 'usb',
      models: [undefined, 'piix3-uhci'],
      at: { domain: 0, bus: 0, slot: 1, function: 2 },
      name: M.piix3Usb(),
      label: 'PIIX3 USB controller at index 0',
      written: '0:0:1.2',
    },
  ],
  q35: [
    {
      type: 'sata',
      at: { domain: 0, bus: 0, slot: 0x1f, function: 2 },
      name: M.primarySata(),
      label: 'Primary SATA controller',
      written: '0:0:1f.2',
    },
  ],
};

export const builtinControllerAddress: Rule = {
  id: 'builtin-controller-address',
  severity: 'error',
  title: "A machine's built-in controller moved off its slot (the PIIX3 IDE and USB on i440fx, the ICH9 SATA on q35)",
  explanation:
    'Controller 0 of IDE (and of USB, when it is the PIIX3 UHCI) on i440fx, and SATA controller 0 on q35, are part of ' +
    'the machine: their PCI address is fixed (00:01.1, 00:01.2, 00:1f.2), and libvirt refuses another one ("PIIX3 USB ' +
    'controller at index 0 must have PCI address 0:0:1.2"). Remove the address, or give another USB model.',
  docs: DOCS.controllers,
  check({ model, report }) {
    const builtins = BUILTINS[model.os.machineFamily];
    if (!builtins || (model.type?.value !== 'kvm' && model.type?.value !== 'qemu')) return;
    for (const controller of devicesOfKind(model, 'controller')) {
      const builtin = builtins.find(
        (candidate) =>
          candidate.type === controller.type &&
          (!candidate.models || candidate.models.includes(attributeValue(controller.element, 'model'))),
      );
      const pci = controller.address?.pci;
      if (!builtin || (controller.index ?? 0) !== 0 || !pci) continue;
      if (formatPciAddress(pci) === formatPciAddress(builtin.at)) continue;
      const typeAttribute = controller.address!.element.attributes.find((attr) => attr.name === 'type')!;
      report({
        ...valueSpan(typeAttribute),
        message: M.movedOff({
          controller: builtin.name,
          builtinAt: formatPciAddress(builtin.at),
          address: formatPciAddress(pci),
          libvirtSays: `${builtin.label} must have PCI address ${builtin.written}`,
        }),
        fixes: (context) => [
          {
            title: M.removeAddress(),
            edits: [removeElement(controller.address!.element, context)],
            preferred: true,
          },
        ],
      });
    }
  },
};
