// What to change on the host, as the exact lines a user types or puts in a file — shared by the host rules (and
// the passthrough report). Pure text from host facts.

import { type Message, messages, type Text } from '../l10n/message';
import type { HostPciDevice } from './hostFacts';
import { formatPciAddress } from './model/pciAddress';

const M = messages('host-advice', {
  iommuEitherVendor: '{intel} (Intel) or {amd} (AMD)',
  enableIommu:
    'Enable VT-d/AMD-Vi in the firmware, add {parameters} to GRUB_CMDLINE_LINUX in /etc/default/grub, run update-grub (grub2-mkconfig -o /boot/grub2/grub.cfg on Fedora) and reboot; dmesg | grep -E "DMAR|IOMMU" then shows it on.',
  packages: '{debian} (Debian/Ubuntu) or {fedora} (Fedora)',
  installFirmware: 'Install {packages} on the host, then Libvirt: Refresh Host Facts.',
  installFirmwareAndNvram:
    'Install {packages} on the host, then Libvirt: Refresh Host Facts. Where the firmware package installs no descriptors in /usr/share/qemu/firmware, name it in /etc/libvirt/qemu.conf: nvram = [ "{nvram}" ], then restart libvirtd.',
});

const INTEL_IOMMU = 'intel_iommu=on iommu=pt';
const AMD_IOMMU = 'amd_iommu=on iommu=pt';

/** The kernel parameters that turn the IOMMU on for this CPU vendor. */
export function iommuKernelParameters(cpuVendor: string | undefined): Text {
  if (cpuVendor === 'AMD') return AMD_IOMMU;
  if (cpuVendor === 'Intel') return INTEL_IOMMU;
  return M.iommuEitherVendor({ intel: INTEL_IOMMU, amd: AMD_IOMMU });
}

/** How to turn the IOMMU on and check it, in one sentence. */
export function enableIommuAdvice(cpuVendor: string | undefined): Message {
  return M.enableIommu({ parameters: iommuKernelParameters(cpuVendor) });
}

/** `options vfio-pci ids=10de:2503,10de:228e` for these devices (each vendor:device once). */
export function vfioIdsLine(devices: readonly HostPciDevice[]): string {
  const ids = [...new Set(devices.map((device) => `${device.vendorId}:${device.deviceId}`))];
  return `options vfio-pci ids=${ids.join(',')}`;
}

/** Display drivers that grab a GPU at boot; blacklisting them leaves it to vfio-pci. */
const GPU_DRIVERS = new Set(['nouveau', 'nvidia', 'radeon', 'amdgpu', 'i915', 'xe']);

/** How to keep `driver` off a device at boot (a GPU driver is blacklisted; others load after vfio-pci). */
export function keepDriverOffLine(driver: string): string {
  return GPU_DRIVERS.has(driver) ? `blacklist ${driver}` : `softdep ${driver} pre: vfio-pci`;
}

/** "0000:27:00.1 (NVIDIA Corporation GA106 High Definition Audio Controller)" */
export function describeHostDevice(device: HostPciDevice): string {
  return `${formatPciAddress(device.address)}${device.name ? ` (${device.name})` : ''}`;
}

/** Drivers that often cannot give a device back while the host uses it (a display server on the proprietary driver). */
export const HOLDS_ON: ReadonlySet<string> = new Set(['nvidia']);

/** The drivers a passed-through device may be bound to. */
export const VFIO_DRIVERS: ReadonlySet<string> = new Set(['vfio-pci', 'pci-stub']);

/** PCI bridges and host bridges stay with the host: VFIO does not need them in the guest. */
export function isBridge(device: HostPciDevice): boolean {
  return device.classCode.startsWith('0604') || device.classCode.startsWith('0600');
}

/** The package that installs UEFI firmware for an arch (Debian/Ubuntu, then Fedora). */
const FIRMWARE_PACKAGES: Readonly<Record<string, readonly [debian: string, fedora: string]>> = {
  x86_64: ['ovmf', 'edk2-ovmf'],
  i686: ['ovmf', 'edk2-ovmf'],
  aarch64: ['qemu-efi-aarch64', 'edk2-aarch64'],
  armv7l: ['qemu-efi-arm', 'edk2-arm'],
};

/** The code:vars pair for qemu.conf's nvram list, for hosts whose firmware has no descriptors (older distributions). */
const NVRAM_PAIRS: Readonly<Record<string, string>> = {
  x86_64: '/usr/share/OVMF/OVMF_CODE.fd:/usr/share/OVMF/OVMF_VARS.fd',
  aarch64: '/usr/share/AAVMF/AAVMF_CODE.fd:/usr/share/AAVMF/AAVMF_VARS.fd',
  armv7l: '/usr/share/AAVMF/AAVMF32_CODE.fd:/usr/share/AAVMF/AAVMF32_VARS.fd',
};

/** How to give a host UEFI firmware for an arch: the package, and qemu.conf's nvram line where descriptors are missing. */
export function installFirmwareAdvice(arch: string): Message | undefined {
  const names = FIRMWARE_PACKAGES[arch];
  if (!names) return undefined;
  const packages = M.packages({ debian: names[0], fedora: names[1] });
  const nvram = NVRAM_PAIRS[arch];
  return nvram ? M.installFirmwareAndNvram({ packages, nvram }) : M.installFirmware({ packages });
}
