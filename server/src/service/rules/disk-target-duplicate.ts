import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { nextFreeTarget } from '../model/diskNames';
import { type Device, devicesOfKind } from '../model/domainModel';
import { duplicates, groupBy, othersIn } from '../validation/grouping';
import { attribute, attributeValue, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('disk-target-duplicate', {
  usedBy: 'Target \'{dev}\' is used by {count} disks: libvirt refuses the domain ("{libvirtSays}"). Each disk needs its own target dev.',
  another: "another disk with target '{dev}'",
  renameTo: 'Rename to {name}',
});

/** libvirt's virDiskNameToIndex: vda → 0, vdz → 25, vdaa → 26, and -1 for a name it cannot read. */
export function diskNameIndex(name: string | undefined): number {
  const letters = /^(?:fd|hd|vd|sd|xvd|ubd)([a-z]+)$/.exec(name ?? '')?.[1];
  if (!letters) return -1;
  let index = 0;
  for (let i = 0; i < letters.length; i++) index = (index + (i === 0 ? 0 : 1)) * 26 + (letters.charCodeAt(i) - 97);
  return index;
}

const BUS_OF_PREFIX = [
  ['hd', 'ide'],
  ['sd', 'scsi'],
  ['vd', 'virtio'],
  ['xvd', 'xen'],
  ['ubd', 'uml'],
] as const;

/** A disk's bus as libvirt's parser sets it: <target bus>, else fdc for floppies, else from the name's prefix. */
function libvirtDiskBus(disk: Device): string {
  const bus = attributeValue(disk.target, 'bus');
  if (bus) return bus;
  if (attributeValue(disk.element, 'device') === 'floppy') return 'fdc';
  const dev = attributeValue(disk.target, 'dev') ?? '';
  const prefix = BUS_OF_PREFIX.find(([p]) => dev.startsWith(p));
  return prefix?.[1] ?? 'ide';
}

/**
 * The disks in the order libvirt keeps them (virDomainDiskInsert): document order, except that a disk goes before
 * the first disk of its bus whose name sorts after its own (so the disks of one bus are sorted by name, stably).
 * libvirt's messages name the first of a pair in this order.
 */
function libvirtDiskOrder(disks: readonly Device[]): Device[] {
  const keyed = disks.map((disk) => ({ disk, bus: libvirtDiskBus(disk), index: diskNameIndex(attributeValue(disk.target, 'dev')) }));
  const order: typeof keyed = [];
  for (const entry of keyed) {
    let insertAt = -1;
    for (let i = order.length - 1; i >= 0; i--) {
      if (order[i].bus !== entry.bus) continue;
      if (order[i].index > entry.index) insertAt = i;
      else if (insertAt === -1) insertAt = i + 1;
    }
    if (insertAt === -1) order.push(entry);
    else order.splice(insertAt, 0, entry);
  }
  return order.map((entry) => entry.disk);
}

/** The source libvirt names a disk by in its messages (the source's path; '<null>' for a volume, an NVMe disk, none). */
function libvirtDiskSource(disk: Device): string {
  const source = firstChild(disk.element, 'source');
  const type = attributeValue(disk.element, 'type') ?? 'file';
  const pathAttribute: Record<string, string> = { file: 'file', block: 'dev', dir: 'dir', vhostuser: 'path' };
  let path = Object.hasOwn(pathAttribute, type) ? attributeValue(source, pathAttribute[type]) : undefined;
  if (type === 'network') {
    path = attributeValue(source, 'name');
    // RBD and Gluster names are pool/image and volume/path: libvirt keeps the part after the first slash.
    const protocol = attributeValue(source, 'protocol');
    if (path?.includes('/') && (protocol === 'rbd' || protocol === 'gluster')) path = path.slice(path.indexOf('/') + 1);
  }
  return path || '<null>';
}

export const diskTargetDuplicate: Rule = {
  id: 'disk-target-duplicate',
  severity: 'error',
  title: 'Two disks have the same target dev',
  explanation:
    'The target dev (vda, sdb, hdc...) names a disk inside the domain and must be unique. libvirt refuses ' +
    'the domain with "target \'vda\' duplicated for disk sources". It often happens when a disk is copied and ' +
    'only its source is changed.',
  docs: DOCS.disks,
  check({ model, report }) {
    const all = devicesOfKind(model, 'disk');
    const byTarget = groupBy(all, (disk) => attributeValue(disk.target, 'dev') || undefined);
    let order: Device[] | undefined;
    for (const [dev, disks] of duplicates(byTarget)) {
      // libvirt names the first two of them in its order: theirs in the document when they share a bus (one name).
      const bus = libvirtDiskBus(disks[0]);
      const [first, second] = disks.every((disk) => libvirtDiskBus(disk) === bus)
        ? disks
        : (order ??= libvirtDiskOrder(all)).filter((disk) => disks.includes(disk));
      const says = `target '${dev}' duplicated for disk sources '${libvirtDiskSource(first)}' and '${libvirtDiskSource(second)}'`;
      for (const disk of disks) {
        const others = othersIn(disks, disk).shown;
        const span = valueSpan(attribute(disk.target!, 'dev')!);
        report({
          ...span,
          message: M.usedBy({ dev, count: disks.length, libvirtSays: says }),
          related: others.map((other) => ({
            ...valueSpan(attribute(other.target!, 'dev')!),
            message: M.another({ dev }),
          })),
          fixes: (context) => {
            const name = nextFreeTarget(context.model, attributeValue(disk.target, 'bus') ?? dev.slice(0, 2));
            return [{ title: M.renameTo({ name }), edits: [setAttribute(disk.target!, 'dev', name, context)], preferred: true }];
          },
        });
      }
    }
  },
};
