import { messages } from '../../l10n/message';
import { DOCS } from '../libvirtDocs';
import { devicesOfKind } from '../model/domainModel';
import { attribute, attributeValue, firstChild, nameSpan, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

const M = messages('disk-device-unsupported', {
  lunOnFile: 'A LUN on a {type} source: libvirt refuses the domain ("{libvirtSays}").',
  readonlyIde: 'A read-only IDE hard disk: libvirt refuses the domain ("{libvirtSays}").',
});

export const diskDeviceUnsupported: Rule = {
  id: 'disk-device-unsupported',
  severity: 'error',
  title: 'A disk device its source or bus cannot be: a LUN on an image file, a read-only IDE hard disk',
  explanation:
    "device='lun' passes SCSI commands to a block device: libvirt refuses it on a file, directory or other non-block " +
    'source ("disk device=\'lun\' is only valid for block type disk source"). An IDE hard disk cannot be read-only ' +
    '("readonly ide disks are not supported"): make it a cdrom, or put it on another bus.',
  docs: DOCS.disks,
  check({ model, report }) {
    if (model.type?.value !== 'kvm' && model.type?.value !== 'qemu') return;
    for (const disk of devicesOfKind(model, 'disk')) {
      const device = attribute(disk.element, 'device');
      const type = disk.type ?? 'file';
      if (device?.value === 'lun' && type !== 'block' && type !== 'network' && type !== 'volume')
        report({
          ...valueSpan(device),
          message: M.lunOnFile({ type, libvirtSays: "disk device='lun' is only valid for block type disk source" }),
        });
      const readonly = firstChild(disk.element, 'readonly');
      if (readonly && (device?.value ?? 'disk') === 'disk' && attributeValue(disk.target, 'bus') === 'ide')
        report({
          ...nameSpan(readonly),
          message: M.readonlyIde({ libvirtSays: 'readonly ide disks are not supported' }),
        });
    }
  },
};
