import { messages } from '../../l10n/message';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { connectedHost } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { defaultEmulator, emulatorPath } from '../model/domainModel';
import { DOMAIN_TYPES } from '../model/libvirtEnums';
import { refusedAtDefine as refused } from '../refusals';
import { valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('domain-type-unsupported', {
  otherDriversType: "type='{type}' is another driver's, and this domain is written for QEMU",
  changeToKvm: "Change to type='kvm'",
  changeToQemu: "Change to type='qemu' (emulated)",
});

/** The domain types of libvirt's other drivers (the QEMU driver runs kvm and qemu, and hvf on macOS; none is no driver's). */
const OTHER_DRIVERS = new Set(DOMAIN_TYPES.filter((type) => !['none', 'qemu', 'kvm', 'hvf'].includes(type)));

/** Whether the domain is written for QEMU: it names a QEMU binary, or a machine type only QEMU has. */
function writtenForQemu(emulator: string | undefined, machine: string | undefined): boolean {
  if (emulator) return /qemu/.test(emulator.slice(emulator.lastIndexOf('/') + 1));
  if (!machine) return false;
  return /^(q35|pc|pc-(q35|i440fx)-.*|virt(-.*)?|pseries(-.*)?|s390-ccw-virtio(-.*)?|microvm)$/.test(machine);
}

export const domainTypeUnsupported: Rule = {
  id: 'domain-type-unsupported',
  severity: 'error',
  title: "A domain written for QEMU (its emulator or machine type) with another driver's type (xen, lxc, vbox…)",
  explanation:
    "<domain type=…> picks the hypervisor: QEMU runs type='kvm' (hardware virtualization) and type='qemu' " +
    "(emulation). A domain whose <emulator> is a QEMU binary, or whose machine is one of QEMU's (q35, pc, virt, " +
    "pseries), is refused with another type (\"Emulator '/usr/bin/qemu-system-x86_64' does not support virt type " +
    "'xen'\"): the other types are other drivers' (Xen, LXC, VirtualBox…), with their own XML.",
  docs: DOCS.overview,
  check({ model, host, report }) {
    const type = model.type;
    if (!type || !OTHER_DRIVERS.has(type.value) || model.root.name !== 'domain') return;
    // With a connection, host-unsupported-value says what the host offers.
    if (connectedHost(host)?.guests?.length) return;
    const emulator = emulatorPath(model);
    if (!writtenForQemu(emulator, model.os.machine)) return;
    const binary = emulator ?? defaultEmulator(model.os.arch ?? (host.arch || 'x86_64'));
    report({
      ...valueSpan(type),
      message: refused(M.otherDriversType({ type: type.value }), `Emulator '${binary}' does not support virt type '${type.value}'`),
      fixes: (context) => [
        { title: M.changeToKvm(), edits: [replaceAttributeValue(type, 'kvm', context)], preferred: true },
        { title: M.changeToQemu(), edits: [replaceAttributeValue(type, 'qemu', context)] },
      ],
    });
  },
};
