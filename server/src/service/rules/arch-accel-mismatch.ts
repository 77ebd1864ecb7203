import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import type { HostFacts } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { defaultEmulator, emulatorPath, guestArch } from '../model/domainModel';
import { attributeOrTagSpan } from '../validation/spans';
import { valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('arch-accel-mismatch', {
  kvmCannotRun:
    'KVM on this {hostArch} host cannot run {arch} guests: libvirt refuses the domain ("{libvirtSays}"). Use type=\'qemu\' to emulate one.',
  guestArch: 'guest arch {arch}',
  emulate: "Emulate it: <domain type='qemu'>",
});

/** Guest architectures KVM on a host of the given architecture can run (besides its own). */
const KVM_COMPATIBLE: Record<string, readonly string[]> = {
  x86_64: ['x86_64', 'i686'],
  i686: ['i686'],
  aarch64: ['aarch64', 'armv7l'],
  ppc64le: ['ppc64le', 'ppc64'],
  ppc64: ['ppc64', 'ppc64le'],
  s390x: ['s390x'],
};

/**
 * What libvirt says of type='kvm' for this guest: the emulator it picked (the domain's <emulator>, else the host's
 * for the arch) does not support KVM, or the host has no emulator for the arch at all.
 */
function libvirtSays(emulator: string | undefined, arch: string, host: HostFacts): string {
  const guest = host.guests?.find((g) => g.arch === arch && g.emulator);
  if (!emulator && host.guests?.length && !guest) return `No emulator found for arch '${arch}'`;
  const path = emulator ?? guest?.emulator ?? defaultEmulator(arch);
  return `Emulator '${path}' does not support virt type 'kvm'`;
}

export const archAccelMismatch: Rule = {
  id: 'arch-accel-mismatch',
  severity: 'error',
  title: "type='kvm' for a guest architecture the host cannot run with KVM",
  explanation:
    "KVM runs guests of the host's own architecture only. An aarch64 guest on an x86_64 host must be emulated " +
    "by QEMU's TCG: <domain type='qemu'>. libvirt refuses type='kvm' (\"Emulator '/usr/bin/qemu-system-aarch64' does not " +
    "support virt type 'kvm'\"). The host architecture is the running machine's unless set (--host-arch, libvirt.hostArch).",
  docs: DOCS.general,
  check({ model, host, report }) {
    const type = model.type;
    if (type?.value !== 'kvm') return;
    const arch = guestArch(model, host.arch);
    const runnable = KVM_COMPATIBLE[host.arch] ?? [host.arch];
    if (runnable.includes(arch)) return;
    report({
      ...valueSpan(type),
      message: M.kvmCannotRun({ hostArch: host.arch, arch, libvirtSays: libvirtSays(emulatorPath(model), arch, host) }),
      related: model.os.typeElement ? [{ ...attributeOrTagSpan(model.os.typeElement, 'arch'), message: M.guestArch({ arch }) }] : undefined,
      fixes: (context) => [{ title: M.emulate(), edits: [replaceAttributeValue(type, 'qemu', context)], preferred: true }],
    });
  },
};
