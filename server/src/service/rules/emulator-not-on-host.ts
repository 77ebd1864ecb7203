import { messages } from '../../l10n/message';
import { replaceText } from '../edits/xmlEdits';
import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { guestArch } from '../model/domainModel';
import { textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('emulator-not-on-host', {
  notListed: '{connection} lists no emulator {path}. If the host has no such binary, libvirt refuses the definition ("{libvirtSays}").',
  notListedForArch:
    '{connection} lists no emulator {path}; for {arch} it has {listed}. If the host has no such binary, libvirt refuses the definition ("{libvirtSays}").',
  useListed: "Use the host's emulator {path}",
});

export const emulatorNotOnHost: Rule = {
  id: 'emulator-not-on-host',
  severity: 'warning',
  title: "<emulator> is not an emulator the connection's host lists for the guest's architecture",
  explanation:
    'libvirt runs the QEMU binary named in <devices><emulator>. Each host lists its own in its capabilities ' +
    '(virsh capabilities: <guest><arch><emulator>), and paths differ between distributions (/usr/bin/qemu-system-x86_64, ' +
    '/usr/libexec/qemu-kvm). A binary the host does not have makes libvirt refuse the definition ("Cannot check QEMU ' +
    'binary … No such file or directory"); one it has but does not list (a build of your own) works. Leave <emulator> out ' +
    "to have libvirt pick the host's.",
  docs: DOCS.devices,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const emulator = model.devices.find((device) => device.kind === 'emulator');
    if (!connected?.guests || !emulator) return;
    const path = emulator.element.text.trim();
    const arch = guestArch(model, connected.arch);
    const listed = connected.guests.filter((guest) => guest.emulator !== undefined);
    if (listed.some((guest) => guest.emulator === path)) return;
    const forArch = listed.find((guest) => guest.arch === arch)?.emulator;
    const args = { connection: connectionName(connected.connection.uri), path, libvirtSays: 'Cannot check QEMU binary' };
    report({
      ...textOrTagSpan(emulator.element),
      message: forArch ? M.notListedForArch({ ...args, arch, listed: forArch }) : M.notListed(args),
      fixes: forArch
        ? () => [{ title: M.useListed({ path: forArch }), edits: [replaceText(emulator.element, forArch)], preferred: true }]
        : undefined,
    });
  },
};
