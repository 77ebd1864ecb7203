// Facts about the host the language service may use: plain data, read by the front ends (server/src/host/, the one
// door to any machine) and handed in, so that the CLI, the language server and the tests can each supply their own.

import type { PciAddress } from './model/pciAddress';

export interface HostPciDevice {
  readonly address: PciAddress;
  /** Hex ids without 0x, as lspci prints them: '10de', '2503'. */
  readonly vendorId: string;
  readonly deviceId: string;
  /** The PCI class, e.g. '030000' for a VGA controller. */
  readonly classCode: string;
  /** lspci's description, when lspci is installed: "VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]". */
  readonly name?: string;
  readonly iommuGroup?: number;
  readonly driver?: string;
}

export interface HostBlockDevice {
  /** The path to write in <source dev>. */
  readonly path: string;
  /** For a /dev/disk/by-id link, the kernel device it points to (/dev/sda). */
  readonly target?: string;
  /** A name that stays the same across reboots (/dev/disk/by-id). */
  readonly stable: boolean;
}

export interface HostFacts {
  /** The host's architecture in libvirt's spelling (x86_64, aarch64, ppc64le, s390x, ...). */
  readonly arch: string;
  /** The host's PCI devices, when known (Linux); fixes that need them are not offered otherwise. */
  readonly pciDevices?: readonly HostPciDevice[];
  /** The host's block devices, stable /dev/disk/by-id names first, when known (Linux). */
  readonly blockDevices?: readonly HostBlockDevice[];
}

/** The host's PCI device at `address`, when the host facts know it. */
export function hostPciDeviceAt(host: HostFacts, address: PciAddress): HostPciDevice | undefined {
  return host.pciDevices?.find(
    ({ address: at }) =>
      at.domain === address.domain && at.bus === address.bus && at.slot === address.slot && at.function === address.function,
  );
}

/** The kernel name of a block device path, for labels: /dev/disk/by-id/ata-X → sda. */
export function kernelName(device: HostBlockDevice): string {
  const path = device.target ?? device.path;
  return path.slice(path.lastIndexOf('/') + 1);
}
