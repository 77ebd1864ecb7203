import { messages } from '../../l10n/message';
import { removeElement } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { type Device, emulatorPath } from '../model/domainModel';
import { refusedAtDefine } from '../refusals';
import type { Rule } from './rule';

const M = messages('emulator-arch-mismatch', {
  runsOtherArch: '{path} runs {binaryArch} guests, not {arch}',
  changeTo: 'Change to {path}',
  removeEmulator: 'Remove <emulator> (libvirt picks the binary for the arch)',
});

/** The guest architecture a QEMU binary is built for, by its name (qemu-system-TARGET). */
const TARGET_ARCH: Readonly<Record<string, string>> = { i386: 'i686', arm: 'armv7l' };

/** The other guest architectures a binary of an architecture runs (libvirt's virQEMUCapsIsArchSupported). */
const ALSO_RUNS: Readonly<Record<string, string>> = { x86_64: 'i686', aarch64: 'armv7l', armv7l: 'armv6l', ppc64: 'ppc64le' };

/** The binary for a guest architecture, for the fix. */
const BINARY_FOR: Readonly<Record<string, string>> = { i686: 'x86_64', armv7l: 'arm', armv6l: 'arm', ppc64le: 'ppc64' };

function emulatorArch(path: string): string | undefined {
  const target = /(?:^|\/)qemu-system-([a-z0-9_]+)$/.exec(path)?.[1];
  return target ? (TARGET_ARCH[target] ?? target) : undefined;
}

export const emulatorArchMismatch: Rule = {
  id: 'emulator-arch-mismatch',
  severity: 'error',
  title: 'An <emulator> whose QEMU binary is for another architecture than <os><type arch>',
  explanation:
    'libvirt asks the <emulator> binary which guests it runs and refuses the domain when the architecture of ' +
    "<os><type arch> is not one of them (\"Emulator '/usr/bin/qemu-system-x86_64' does not support arch 'aarch64'\"): " +
    'qemu-system-x86_64 runs x86_64 and i686 guests, qemu-system-aarch64 aarch64 and armv7l, qemu-system-arm armv7l ' +
    "and armv6l. It happens when a domain's arch is changed (or it is copied) without its emulator. Remove the " +
    '<emulator> (libvirt then picks the binary for the arch) or name the right one.',
  docs: DOCS.devices,
  check({ model, report }) {
    const arch = model.os.arch;
    const path = emulatorPath(model);
    if (!arch || !path || (model.type?.value !== 'kvm' && model.type?.value !== 'qemu')) return;
    const binaryArch = emulatorArch(path);
    if (!binaryArch || binaryArch === arch || ALSO_RUNS[binaryArch] === arch) return;
    const emulator = model.devices.find((device) => device.kind === 'emulator') as Device;
    const right = path.replace(/qemu-system-[a-z0-9_]+$/, `qemu-system-${BINARY_FOR[arch] ?? arch}`);
    report({
      start: emulator.element.textStart,
      end: emulator.element.textEnd,
      message: refusedAtDefine(M.runsOtherArch({ path, binaryArch, arch }), `Emulator '${path}' does not support arch '${arch}'`),
      fixes: (context) => [
        {
          title: M.changeTo({ path: right }),
          edits: [{ start: emulator.element.textStart, end: emulator.element.textEnd, newText: right }],
          preferred: true,
        },
        { title: M.removeEmulator(), edits: [removeElement(emulator.element, context)] },
      ],
    });
  },
};
