import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attributeOrTagSpan, tagSpan } from '../validation/spans';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('disk-source-mismatch', {
  ignoredEmpty:
    "Disk {dev} has type='{type}', which reads <source {expected}=...>; its {wrong}='{value}' is ignored: libvirt accepts it and leaves the {device} empty (no medium). Use type='{fitting}' or write {expected}='{value}'.",
  ignoredRefused:
    "Disk {dev} has type='{type}', which reads <source {expected}=...>; its {wrong}='{value}' is ignored and libvirt refuses the disk (\"{libvirtSays}\"). Use type='{fitting}' or write {expected}='{value}'.",
  changeType: "Change the disk to type='{type}'",
  rename: 'Rename {wrong}= to {expected}=',
  noSource: 'Disk {dev} has no source: a type=\'{type}\' disk needs <source {expected}=...> (libvirt: "{libvirtSays}").',
});

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
          message: removable
            ? M.ignoredEmpty({ dev, type, expected, wrong: wrong[1], value: wrongAttr.value, device, fitting: wrong[0] })
            : M.ignoredRefused({
                dev,
                type,
                expected,
                wrong: wrong[1],
                value: wrongAttr.value,
                fitting: wrong[0],
                libvirtSays: `missing source information for device ${dev}`,
              }),
          related: [{ ...typeSpan, message: `type='${type}'` }],
          fixes: (context) => [
            {
              title: M.changeType({ type: wrong[0] }),
              edits: [setAttribute(disk.element, 'type', wrong[0], context)],
              preferred: true,
            },
            {
              title: M.rename({ wrong: wrong[1], expected }),
              edits: [{ start: wrongAttr.nameStart, end: wrongAttr.nameEnd, newText: expected }],
            },
          ],
        });
      } else if (device === 'disk') {
        report({
          ...(source ? tagSpan(source) : typeSpan),
          message: M.noSource({ dev, type, expected, libvirtSays: `missing source information for device ${dev}` }),
        });
      }
    }
  },
};
