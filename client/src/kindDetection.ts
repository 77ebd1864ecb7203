// Which kind of libvirt XML a document is: its root element is <domain>, <network>, <pool> or <volume> (after an
// XML declaration, comments such as the header of /etc/libvirt/qemu/*.xml, and blank lines). Only the first few
// kilobytes are looked at.

import type { LiveKind } from '../../server/src/protocol';

const ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(domain|network|pool|volume)[\s>/]/;

export function libvirtKindOf(text: string): LiveKind | undefined {
  return ROOT.exec(text.slice(0, 16_384))?.[1] as LiveKind | undefined;
}

export function isDomainXml(text: string): boolean {
  return libvirtKindOf(text) === 'domain';
}
