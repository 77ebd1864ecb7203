import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attributeOrTagSpan, tagSpan } from '../validation/spans';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

/** Which <source> attribute carries the location for each disk type. */
const SOURCE_ATTRIBUTE: Record<string, string> = { file: 'file', block: 'dev', dir: 'dir' };

export const diskSourceMismatch: Rule = {
  id: 'disk-source-mismatch',
  severity: 'error',
  title: "A disk's <source> does not match its type",
  explanation:
    "type='file' disks read <source file=...>, type='block' disks read <source dev=...>, type='dir' disks read " +
    "<source dir=...>. libvirt ignores the other attributes, so a physical disk added as type='block' with " +
    '<source file=\'/dev/sdb\'/> ends up with no source and libvirt refuses it ("missing source information for device"). ' +
    'Only CD-ROM and floppy drives may be empty: for them the mismatch is a warning (the guest gets no medium).',
  docs: DOCS.disks,
  check({ model, report }) {
    for (const disk of devicesOfKind(model, 'disk')) {
      const type = disk.type ?? 'file';
      const expected = SOURCE_ATTRIBUTE[type];
      if (!expected) continue;
      const device = attributeValue(disk.element, 'device') ?? 'disk';
      const dev = attributeValue(disk.target, 'dev') ?? 'disk';
      const source = disk.source;
      const present = source ? attributeValue(source, expected) : undefined;
      if (present !== undefined && present !== '') continue;
      const wrong = source ? Object.entries(SOURCE_ATTRIBUTE).find(([, name]) => name !== expected && attribute(source, name)) : undefined;
      const typeSpan = attributeOrTagSpan(disk.element, 'type');
      if (wrong) {
        const wrongAttr = attribute(source!, wrong[1])!;
        // A CD-ROM or floppy may be empty: libvirt accepts it and the guest gets no medium.
        const removable = device === 'cdrom' || device === 'floppy';
        report({
          ...valueSpan(wrongAttr),
          severity: removable ? 'warning' : undefined,
          message:
            `Disk ${dev} has type='${type}', which reads <source ${expected}=...>; its ${wrong[1]}='${wrongAttr.value}' is ignored` +
            (removable
              ? `: libvirt accepts it and leaves the ${device} empty (no medium). `
              : ` and libvirt refuses the disk ("missing source information for device ${dev}"). `) +
            `Use type='${wrong[0]}' or write ${expected}='${wrongAttr.value}'.`,
          related: [{ ...typeSpan, message: `type='${type}'` }],
          fixes: (context) => [
            {
              title: `Change the disk to type='${wrong[0]}'`,
              edits: [setAttribute(disk.element, 'type', wrong[0], context)],
              preferred: true,
            },
            {
              title: `Rename ${wrong[1]}= to ${expected}=`,
              edits: [{ start: wrongAttr.nameStart, end: wrongAttr.nameEnd, newText: expected }],
            },
          ],
        });
      } else if (device === 'disk') {
        report({
          ...(source ? tagSpan(source) : typeSpan),
          message: `Disk ${dev} has no source: a type='${type}' disk needs <source ${expected}=...> (libvirt: "missing source information for device ${dev}").`,
        });
      }
    }
  },
};
