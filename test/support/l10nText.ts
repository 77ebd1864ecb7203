// Telling translated text from English left behind: what remains of a text once XML names, quoted text (libvirt's
// own messages, values), placeholders and names that read the same in every language are taken out.

/** XML names, double-quoted text, and single-quoted text after a non-letter (not an apostrophe). */
export const QUOTED = /<\/?[A-Za-z][^<>]*>|"[^"]*"|(?<![A-Za-z])'[^']*'(?![A-Za-z])/g;

/** Names that read the same in every language (libvirt, virsh, vfio-pci…): not English left untranslated. */
const NAMES = /^(libvirt|libvirtd|virsh|qemu|kvm|vfio|edk2|ovmf|aavmf|virtio|spice|vnc|swtpm|dnsmasq|iptables|nftables)$/i;

/** A text with XML names, quoted text, placeholders and code spans taken out: the prose a translator translates. */
export function prose(text: string): string {
  return text.replace(QUOTED, ' ').replace(/\{[A-Za-z0-9]+\}|`[^`]*`/g, ' ');
}

/** The lowercase English words of a text's prose, outside names and identifiers (vfio-pci, /dev/kvm, q35). */
export function englishWords(text: string): string[] {
  return (prose(text).match(/(?<![\w./-])[a-z][a-z]{2,}(?![\w./-])/g) ?? []).filter((word) => !NAMES.test(word));
}
