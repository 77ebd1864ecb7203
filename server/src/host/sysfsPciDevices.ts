// The host's PCI devices on Linux: ids, class, IOMMU group and driver from /sys/bus/pci/devices, names from
// lspci (lspciNames.ts). Read asynchronously: a request never waits for the disk or a child process.

import { readdir, readFile, readlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { HostPciDevice } from '../service/hostFacts';

const SYSFS_PCI = '/sys/bus/pci/devices';
const ADDRESS = /^([0-9a-f]{4}):([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/i;

/** The devices under `sysfs`, named from `names`; undefined when there is no such folder (not Linux, no sysfs). */
export async function readSysfsPciDevices(names: ReadonlyMap<string, string>, sysfs = SYSFS_PCI): Promise<HostPciDevice[] | undefined> {
  let entries: string[];
  try {
    entries = await readdir(sysfs);
  } catch {
    return undefined;
  }
  const devices = await Promise.all(entries.sort().map((entry) => readDevice(sysfs, entry, names)));
  return devices.filter((device) => device !== undefined);
}

async function readDevice(sysfs: string, entry: string, names: ReadonlyMap<string, string>): Promise<HostPciDevice | undefined> {
  const match = ADDRESS.exec(entry);
  if (!match) return undefined;
  const dir = join(sysfs, entry);
  const read = (file: string) =>
    readFile(join(dir, file), 'utf8').then(
      (text) => text.trim().replace(/^0x/, ''),
      () => undefined,
    );
  const link = (file: string) =>
    readlink(join(dir, file)).then(
      (target) => basename(target),
      () => undefined,
    );
  const [vendorId, deviceId, classCode, group, driver, bootVga] = await Promise.all([
    read('vendor'),
    read('device'),
    read('class'),
    link('iommu_group'),
    link('driver'),
    read('boot_vga'),
  ]);
  return {
    address: {
      domain: parseInt(match[1], 16),
      bus: parseInt(match[2], 16),
      slot: parseInt(match[3], 16),
      function: parseInt(match[4], 16),
    },
    vendorId: vendorId ?? '',
    deviceId: deviceId ?? '',
    classCode: classCode ?? '',
    name: names.get(entry.toLowerCase()),
    iommuGroup: group !== undefined && /^[0-9]+$/.test(group) ? Number(group) : undefined,
    driver,
    ...(bootVga === '1' ? { bootVga: true } : {}),
  };
}
