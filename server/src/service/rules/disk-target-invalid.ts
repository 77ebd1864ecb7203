import { messages } from '../../l10n/message';
import { setAttribute } from '../edits/xmlEdits';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { nextFreeTarget } from '../model/diskNames';
import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('disk-target-invalid', {
  notHardDisk:
    '\'{name}\' is not a hard disk name: libvirt refuses the domain ("{libvirtSays}"). Use vdX for virtio, sdX for SATA/SCSI, hdX for IDE.',
  notFloppy: '\'{name}\' is not a floppy name: libvirt refuses the domain ("{libvirtSays}"). Use fda or fdb.',
  unreadable:
    'libvirt cannot read the disk name \'{name}\' (expected a prefix such as vd, sd or hd followed by letters): libvirt refuses the domain ("{libvirtSays}").',
  renameTo: 'Rename to {name}',
});

/** libvirt's virDiskNameParse: a known prefix, then letters (vda, sdb, hdc, xvdaa...). */
const DISK_NAME = /^(fd|hd|vd|sd|xvd|ubd)[a-z]+$/;
const HARD_DISK_PREFIX = /^(hd|sd|vd|xvd|ubd)/;

export const diskTargetInvalid: Rule = {
  id: 'disk-target-invalid',
  severity: 'error',
  title: 'A disk target dev is not a name libvirt understands',
  explanation:
    'The target dev names the disk by bus convention: vdX for virtio, sdX for SATA/SCSI/USB, hdX for IDE, fdX for ' +
    'floppies. libvirt derives the drive address from it and refuses names it cannot read ("Unknown disk name") and ' +
    'hard disks whose name does not start with hd, sd, vd, xvd or ubd.',
  docs: DOCS.disks,
  check({ model, report }) {
    for (const disk of devicesOfKind(model, 'disk')) {
      const dev = disk.target ? attribute(disk.target, 'dev') : undefined;
      if (!dev) continue;
      const device = attributeValue(disk.element, 'device') ?? 'disk';
      const name = dev.value;
      const fixes = (context: FixContext): Fix[] => {
        const bus = disk.bus ?? (device === 'floppy' ? 'fdc' : 'virtio');
        const fresh = nextFreeTarget(context.model, bus, disk);
        return [{ title: M.renameTo({ name: fresh }), edits: [setAttribute(disk.target!, 'dev', fresh, context)], preferred: true }];
      };
      // libvirt cannot read a name without an address to place the disk by; it reads one and finds the wrong kind.
      const unreadable = !DISK_NAME.test(name) && !disk.address;
      const unknown = `Unknown disk name '${name}' and no address specified`;
      if (device === 'disk' && !HARD_DISK_PREFIX.test(name)) {
        report({
          ...valueSpan(dev),
          message: M.notHardDisk({ name, libvirtSays: unreadable ? unknown : `Invalid harddisk device name: ${name}` }),
          fixes,
        });
      } else if (device === 'floppy' && !name.startsWith('fd')) {
        report({
          ...valueSpan(dev),
          message: M.notFloppy({ name, libvirtSays: unreadable ? unknown : `Invalid floppy device name: ${name}` }),
          fixes,
        });
      } else if (unreadable) {
        report({
          ...valueSpan(dev),
          message: M.unreadable({ name, libvirtSays: unknown }),
          fixes,
        });
      }
    }
  },
};
