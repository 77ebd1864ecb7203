// The seed's safe path for a Windows boot disk: a temporary virtio disk first, so Windows installs the virtio
// storage driver before its boot disk moves to virtio.

import { messages } from '../../l10n/message';
import { insertChild } from '../edits/xmlEdits';
import type { ElementSpec } from '../edits/xmlSnippet';
import type { Fix, FixContext } from '../languageTypes';
import { nextFreeTarget } from '../model/diskNames';
import type { Device } from '../model/domainModel';
import { attributeValue } from '../xml/xmlTree';

const M = messages('fix.driverHelperDisk', {
  addHelperDisk:
    'Add a temporary virtio disk first, so Windows installs the virtio storage driver (create it: qemu-img create -f qcow2 {path} 1G)',
});

/** The <source file> directory of a disk, for placing a helper image beside it. */
export function imageDirectoryOf(disk: Device): string {
  const file = attributeValue(disk.source, 'file');
  const slash = file?.lastIndexOf('/') ?? -1;
  return file && slash > 0 ? file.slice(0, slash) : '/var/lib/libvirt/images';
}

/** A small virtio disk that makes Windows install the virtio storage driver before its boot disk is converted. */
export function driverHelperDiskFix(disk: Device, context: FixContext): Fix {
  const path = `${imageDirectoryOf(disk)}/virtio-driver-setup.qcow2`;
  const spec: ElementSpec = {
    name: 'disk',
    attributes: [
      ['type', 'file'],
      ['device', 'disk'],
    ],
    children: [
      {
        name: 'driver',
        attributes: [
          ['name', 'qemu'],
          ['type', 'qcow2'],
        ],
      },
      { name: 'source', attributes: [['file', path]] },
      {
        name: 'target',
        attributes: [
          ['dev', nextFreeTarget(context.model, 'virtio')],
          ['bus', 'virtio'],
        ],
      },
    ],
  };
  const devices = context.model.devicesElement!;
  const disks = devices.children.filter((child) => child.name === 'disk');
  const after = disks[disks.length - 1];
  const before = after ? devices.children[devices.children.indexOf(after) + 1] : undefined;
  return {
    title: M.addHelperDisk({ path }),
    edits: [insertChild(devices, spec, context, before)],
    step: true,
  };
}
