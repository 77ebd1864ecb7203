// The host's block devices for <disk type='block'><source dev=…>: the stable /dev/disk/by-id names first (they
// survive reboots and re-cabling; /dev/sdX does not), then the kernel names. Read from /dev, never by a shell.

import { readdirSync, readlinkSync } from 'node:fs';
import { basename, resolve } from 'node:path';

export interface HostBlockDevice {
  /** The path to write in <source dev>. */
  readonly path: string;
  /** For a /dev/disk/by-id link, the kernel device it points to (/dev/sda). */
  readonly target?: string;
  /** A name that stays the same across reboots (/dev/disk/by-id). */
  readonly stable: boolean;
}

const KERNEL_DISKS = /^(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+|mmcblk\d+|md\d+|dm-\d+|loop\d+)(p?\d+)?$/;

export function readHostBlockDevices(dev = '/dev'): HostBlockDevice[] {
  const devices: HostBlockDevice[] = [];
  const byId = `${dev}/disk/by-id`;
  let ids: string[] = [];
  try {
    ids = readdirSync(byId).sort();
  } catch {
    /* no udev links (containers) */
  }
  for (const id of ids) {
    let target: string | undefined;
    try {
      target = resolve(byId, readlinkSync(`${byId}/${id}`));
    } catch {
      /* a dangling or plain entry */
    }
    devices.push({ path: `${byId}/${id}`, target, stable: true });
  }
  let names: string[] = [];
  try {
    names = readdirSync(dev)
      .filter((name) => KERNEL_DISKS.test(name) && !name.startsWith('loop'))
      .sort();
  } catch {
    /* no /dev */
  }
  for (const name of names) devices.push({ path: `${dev}/${name}`, stable: false });
  return devices;
}

/** The kernel name of a block device path, for labels: /dev/disk/by-id/ata-X → sda. */
export function kernelName(device: HostBlockDevice): string {
  return basename(device.target ?? device.path);
}
