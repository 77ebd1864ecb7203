// Telling translated text from English left behind: what remains of a text once XML names, quoted text (libvirt's
// own messages, values), placeholders and names that read the same in every language are taken out.

/** XML names, double-quoted text, and single-quoted text after a non-letter (not an apostrophe). */
export const QUOTED = /<\/?[A-Za-z][^<>]*>|"[^"]*"|(?<![A-Za-z])'[^']*'(?![A-Za-z])/g;

/** Names that read the same in every language (libvirt, virsh, a CPU flag, a bus, a disk name): not English left. */
const NAMES =
  /^(libvirt|libvirtd|virsh|qemu|kvm|vfio|edk2|ovmf|aavmf|virtio|spice|vnc|swtpm|dnsmasq|iptables|nftables|hypervisor|sata|scsi|ide|usb|[hsvx]d[a-z]{1,3})$/i;

/** A shell command and its subcommand (qemu-img create, virsh nodedev-detach): quoted as they are typed. */
const COMMAND = /\b(?:qemu-img|virsh|modprobe|apt|dnf|systemctl|echo)\s+[\w-]+/g;

/** A text with XML names, quoted text, placeholders and code spans taken out: the prose a translator translates. */
export function prose(text: string): string {
  return text
    .replace(QUOTED, ' ')
    .replace(COMMAND, ' ')
    .replace(/\{[A-Za-z0-9]+\}|`[^`]*`/g, ' ');
}

/** The lowercase English words of a text's prose, outside names and identifiers (vfio-pci, /dev/kvm, q35). */
export function englishWords(text: string): string[] {
  return (prose(text).match(/(?<![\w./-])[a-z][a-z]{2,}(?![\w./=-])/g) ?? []).filter((word) => !NAMES.test(word));
}
