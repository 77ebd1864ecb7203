// The host's block devices for <disk type='block'><source dev=…>: the stable /dev/disk/by-id names first (they
// survive reboots and re-cabling; /dev/sdX does not), then the kernel names. Read from /dev, never by a shell.

import { readdir, readlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { HostBlockDevice } from '../service/hostFacts';

const KERNEL_DISKS = /^(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+|mmcblk\d+|md\d+|dm-\d+|loop\d+)(p?\d+)?$/;

export async function readDevBlockDevices(dev = '/dev'): Promise<HostBlockDevice[]> {
  const byId = `${dev}/disk/by-id`;
  const ids = await readdir(byId).then(
    (names) => names.sort(),
    () => [] as string[], // no udev links (containers)
  );
  const linked = await Promise.all(
    ids.map(async (id): Promise<HostBlockDevice> => {
      const target = await readlink(`${byId}/${id}`).then(
        (link) => resolve(byId, link),
        () => undefined, // a dangling or plain entry
      );
      return { path: `${byId}/${id}`, target, stable: true };
    }),
  );
  const names = await readdir(dev).then(
    (entries) => entries.filter((name) => KERNEL_DISKS.test(name) && !name.startsWith('loop')).sort(),
    () => [] as string[], // no /dev
  );
  return [...linked, ...names.map((name): HostBlockDevice => ({ path: `${dev}/${name}`, stable: false }))];
}
