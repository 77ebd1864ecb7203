import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { defaultEmulator, emulatorPath } from '../model/domainModel';
import { X86_ARCHES } from '../model/libvirtEnums';
import { refusedAtDefine } from '../refusals';
import { attribute, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('machine-arch-mismatch', {
  xenMachine: "'{machine}' is a machine of Xen guests, not of QEMU's own (type='{type}')",
  otherArchMachine: "'{machine}' is not a machine of {arch} guests ({machines})",
  changeTo: "Change to '{machine}'",
});

const ARM = new Set(['aarch64', 'armv7l']);

/** Xen's machine types (xenfv, xenfv-4.2, xenpv, xenpvh): a QEMU built for Xen has them, not the one KVM and TCG run. */
const XEN_MACHINE = /^xen(fv|pv|pvh)(-|$)/;

/** Whether a machine type belongs to another architecture's QEMU: only the unmistakable cases. */
function foreignMachine(machine: string, arch: string): boolean {
  const pcFamily = machine === 'pc' || machine === 'q35' || machine === 'isapc' || machine.startsWith('pc-');
  const virtFamily = machine === 'virt' || machine.startsWith('virt-');
  if (X86_ARCHES.has(arch)) return virtFamily || machine.startsWith('pseries') || machine.startsWith('s390-ccw');
  if (ARM.has(arch)) return pcFamily || machine.startsWith('pseries') || machine.startsWith('s390-ccw');
  return false;
}

export const machineArchMismatch: Rule = {
  id: 'machine-arch-mismatch',
  severity: 'error',
  title: "A machine type of another architecture's QEMU (virt for x86_64, q35 or pc for aarch64) or of Xen (xenpv, xenfv)",
  explanation:
    '<os><type machine=…> names a machine of the emulator for <type arch=…>: x86_64 and i686 have pc (i440fx), q35 ' +
    'and microvm; aarch64 and armv7l have virt. libvirt refuses a machine the emulator does not have ("Emulator ' +
    "'/usr/bin/qemu-system-x86_64' does not support machine type 'virt'\"). Xen's machines (xenfv, xenpv, xenpvh) belong " +
    "to <domain type='xen'> and its QEMU, not to KVM's or TCG's. Versioned names a given QEMU lacks are the " +
    "host rules' to check (its capabilities).",
  docs: DOCS.booting,
  check({ model, report }) {
    const { arch, machine, typeElement } = model.os;
    if (!arch || !machine || !typeElement || (model.type?.value !== 'kvm' && model.type?.value !== 'qemu')) return;
    const xen = XEN_MACHINE.test(machine);
    if (!xen && !foreignMachine(machine, arch)) return;
    const emulator = emulatorPath(model) ?? defaultEmulator(arch);
    if (xen && emulator.includes('xen')) return;
    const problem = xen
      ? M.xenMachine({ machine, type: model.type.value })
      : M.otherArchMachine({ machine, arch, machines: X86_ARCHES.has(arch) ? 'pc, q35' : 'virt' });
    report({
      ...valueSpan(attribute(typeElement, 'machine')!),
      message: refusedAtDefine(problem, `Emulator '${emulator}' does not support machine type '${machine}'`),
      fixes: () => {
        const right = X86_ARCHES.has(arch) ? 'q35' : 'virt';
        const attr = attribute(typeElement, 'machine')!;
        return [
          {
            title: M.changeTo({ machine: right }),
            edits: [{ start: attr.valueStart, end: attr.valueEnd, newText: right }],
            preferred: true,
          },
        ];
      },
    });
  },
};
