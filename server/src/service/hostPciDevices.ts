// The host's PCI devices on Linux: ids, class, IOMMU group and driver from /sys/bus/pci/devices, names from
// `lspci -Dmmnn` when it is installed (run with an argument array and a time limit).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { HostPciDevice } from './hostFacts';

const SYSFS_PCI = '/sys/bus/pci/devices';
const ADDRESS = /^([0-9a-f]{4}):([0-9a-f]{2}):([0-9a-f]{2})\.([0-7])$/i;

export function readHostPciDevices(sysfs = SYSFS_PCI, names: ReadonlyMap<string, string> = lspciNames()): HostPciDevice[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync(sysfs);
  } catch {
    return undefined;
  }
  const devices: HostPciDevice[] = [];
  for (const entry of entries.sort()) {
    const match = ADDRESS.exec(entry);
    if (!match) continue;
    const dir = join(sysfs, entry);
    const read = (file: string) => {
      try {
        return readFileSync(join(dir, file), 'utf8').trim().replace(/^0x/, '');
      } catch {
        return undefined;
      }
    };
    const link = (file: string) => {
      try {
        return basename(readlinkSync(join(dir, file)));
      } catch {
        return undefined;
      }
    };
    const group = link('iommu_group');
    devices.push({
      address: {
        domain: parseInt(match[1], 16),
        bus: parseInt(match[2], 16),
        slot: parseInt(match[3], 16),
        function: parseInt(match[4], 16),
      },
      vendorId: read('vendor') ?? '',
      deviceId: read('device') ?? '',
      classCode: read('class') ?? '',
      name: names.get(entry.toLowerCase()),
      iommuGroup: group !== undefined && /^[0-9]+$/.test(group) ? Number(group) : undefined,
      driver: link('driver'),
    });
  }
  return devices;
}

/** '0000:27:00.0' → 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]' from `lspci -Dmmnn`. */
export function lspciNames(
  run: () => string = () => execFileSync('lspci', ['-Dmmnn'], { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }),
): Map<string, string> {
  const names = new Map<string, string>();
  let output: string;
  try {
    output = run();
  } catch {
    return names;
  }
  for (const line of output.split('\n')) {
    const fields = [...line.matchAll(/"([^"]*)"/g)].map((match) => match[1].replace(/\s*\[[0-9a-f]{4}\]$/i, ''));
    const address = line.split(' ')[0]?.toLowerCase();
    if (!address || fields.length < 3) continue;
    names.set(address, `${fields[0]}: ${fields[1]} ${fields[2]}`);
  }
  return names;
}
