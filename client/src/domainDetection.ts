// Whether a document is a libvirt domain: its root element is <domain> (after an XML declaration, comments such
// as the header of /etc/libvirt/qemu/*.xml, and blank lines). Only the first few kilobytes are looked at.

const ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<domain[\s>/]/;

export function isDomainXml(text: string): boolean {
  return ROOT.test(text.slice(0, 16_384));
}
