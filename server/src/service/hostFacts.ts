// Facts about the host the language service may use. They come in through this one interface so that the
// CLI, the language server and the tests can each supply their own.

import { type HostBlockDevice, readHostBlockDevices } from './hostBlockDevices';
import { readHostPciDevices } from './hostPciDevices';
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

export interface HostFacts {
  /** The host's architecture in libvirt's spelling (x86_64, aarch64, ppc64le, s390x, ...). */
  readonly arch: string;
  /** The host's PCI devices, when known (Linux); fixes that need them are not offered otherwise. */
  readonly pciDevices?: readonly HostPciDevice[];
  /** The host's block devices, stable /dev/disk/by-id names first, when known (Linux). */
  readonly blockDevices?: readonly HostBlockDevice[];
}

const NODE_TO_LIBVIRT_ARCH: Record<string, string> = {
  x64: 'x86_64',
  ia32: 'i686',
  arm64: 'aarch64',
  arm: 'armv7l',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loongarch64',
  mips64el: 'mips64el',
};

export function libvirtArchOf(nodeArch: string): string {
  return NODE_TO_LIBVIRT_ARCH[nodeArch] ?? nodeArch;
}

/** How long a reading of /dev stays fresh: disks come and go (USB), completion asks often. */
const BLOCK_DEVICES_TTL_MS = 10_000;

/**
 * This machine's facts. PCI devices are read on first use only (from /sys and lspci), then kept; block devices
 * are read again when the last reading is older than a few seconds.
 */
export function localHostFacts(overrides: Partial<HostFacts> = {}): HostFacts {
  let pciDevices: readonly HostPciDevice[] | undefined;
  let read = false;
  let blockDevices: { at: number; devices: readonly HostBlockDevice[] | undefined } | undefined;
  return {
    get blockDevices() {
      if (!blockDevices || Date.now() - blockDevices.at > BLOCK_DEVICES_TTL_MS) {
        blockDevices = { at: Date.now(), devices: process.platform === 'linux' ? readHostBlockDevices() : undefined };
      }
      return blockDevices.devices;
    },
    arch: libvirtArchOf(process.arch),
    get pciDevices() {
      if (!read) {
        read = true;
        pciDevices = process.platform === 'linux' ? readHostPciDevices() : undefined;
      }
      return pciDevices;
    },
    ...overrides,
  };
}
