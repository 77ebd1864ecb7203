// Facts about the host the language service may use: plain data, read by the front ends (server/src/host/, the one
// door to any machine) and handed in, so that the CLI, the language server and the tests can each supply their own.

import { messages, type Text } from '../l10n/message';
import type { PciAddress } from './model/pciAddress';

const M = messages('host-facts', {
  defaultConnection: "virsh's default connection",
});

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
  /** Every function of its IOMMU group, itself included (libvirt's nodedev `<iommuGroup>`). */
  readonly iommuGroupMembers?: readonly PciAddress[];
  /** Where the kernel shows it: /sys/devices/pci0000:00/0000:00:03.1/0000:27:00.0. */
  readonly sysfsPath?: string;
  /** The host firmware's boot display (local connections only: /sys/bus/pci/devices/…/boot_vga). */
  readonly bootVga?: boolean;
}

/** What the host offers for one guest architecture (libvirt's capabilities `<guest>`). */
export interface HostGuest {
  readonly osType: string;
  readonly arch: string;
  readonly emulator?: string;
  /** Machine types, aliases (pc, q35, virt) included. */
  readonly machines: readonly string[];
  /** The most vCPUs each machine type takes (capabilities' maxCpus), by name and alias. */
  readonly maxCpus?: Readonly<Record<string, number>>;
  /** Domain types: qemu, kvm. */
  readonly domainTypes: readonly string[];
}

export interface HostCpu {
  readonly id: number;
  readonly cell: number;
  /** The CPUs that share its core (itself included). */
  readonly siblings: readonly number[];
}

export interface HostCell {
  readonly id: number;
  readonly memoryKiB?: number;
  /** Pages of each size: how many the kernel has reserved (capabilities) and how many are free (freepages). */
  readonly pages: readonly { readonly sizeKiB: number; readonly total?: number; readonly free?: number }[];
}

/** Which domain capabilities to ask for: what a document's domain uses. */
export interface DomainCapabilitiesRequest {
  readonly virttype: string;
  readonly arch: string;
  readonly machine?: string;
  readonly emulator?: string;
}

/** `virsh domcapabilities` for one request: what that emulator, machine and domain type support. */
export interface HostDomainCapabilities {
  readonly request: DomainCapabilitiesRequest;
  readonly emulator?: string;
  /** The machine type it resolved to (q35 → pc-q35-7.2). */
  readonly machine?: string;
  /** `<os><enum name='firmware'>` values (efi, bios); undefined when libvirt does not say. */
  readonly firmware?: readonly string[];
  /** Firmware images found (`<loader><value>`). */
  readonly loaders?: readonly string[];
  /** `<loader><enum name='secure'>`: whether Secure Boot firmware exists. */
  readonly secureBoot?: readonly string[];
  /** Every `<enum name>` under `<devices>`, by device and enum name: disk.bus, video.modelType, graphics.type… */
  readonly deviceEnums: Readonly<Record<string, readonly string[]>>;
  /** `<cpu>`: which modes the hypervisor supports and the named models with whether this host can run them. */
  readonly cpu?: HostCpuCapabilities;
}

export interface HostCpuCapabilities {
  /** By mode name (host-passthrough, host-model, custom, maximum): whether libvirt says it is supported. */
  readonly modes: Readonly<Record<string, boolean>>;
  /** The models of mode='custom', in libvirt's order. */
  readonly models: readonly HostCpuModel[];
  /** The named model mode='host-model' resolves to on this host (EPYC-Milan). */
  readonly hostModel?: string;
}

export interface HostCpuModel {
  readonly name: string;
  /** 'yes', 'no' or 'unknown' as libvirt says. */
  readonly usable: string;
  readonly vendor?: string;
}

/** What a path is on a local host; a path that could not be looked at (permission, a hung mount) is not recorded. */
export type PathState = 'file' | 'block' | 'directory' | 'other' | 'missing';

/** The libvirt connection the facts were read over: set only when they come from libvirt (host rules need it). */
export interface HostConnection {
  /** The URI as configured (empty: virsh's default). */
  readonly uri: string;
  /** This machine (no remote host in the URI): files and /dev can be checked, boot_vga read. */
  readonly local: boolean;
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
  /** The connection these facts came over; undefined for facts read from this machine alone. */
  readonly connection?: HostConnection;
  /** Whether the host has an IOMMU (capabilities `<iommu support>`); undefined when unknown. */
  readonly iommu?: boolean;
  /** 'Intel', 'AMD'…: which kernel parameters turn its IOMMU on. */
  readonly cpuVendor?: string;
  readonly cpus?: readonly HostCpu[];
  readonly cells?: readonly HostCell[];
  /** The host's memory (nodeinfo). */
  readonly memoryKiB?: number;
  readonly guests?: readonly HostGuest[];
  /** Virtual network names (net-list --all). */
  readonly networks?: readonly string[];
  /** Storage pools with their volumes (pool-list --all, vol-list). */
  readonly pools?: readonly { readonly name: string; readonly volumes?: readonly string[] }[];
  /** Domain capabilities read so far, for the requests documents made. */
  readonly domainCapabilities?: readonly HostDomainCapabilities[];
  /** Local connections: what is at the paths documents name (disk sources, firmware), as last looked at. */
  readonly paths?: Readonly<Record<string, PathState>>;
  /** Why the connection's facts could not be read (virsh's message); the facts above are then this machine's, or none. */
  readonly unavailable?: Text;
}

export function domainCapabilitiesKey(request: DomainCapabilitiesRequest): string {
  return JSON.stringify([request.virttype, request.arch, request.machine ?? '', request.emulator ?? '']);
}

/** The domain capabilities read for a request, when they have arrived. */
export function domainCapabilitiesFor(host: HostFacts, request: DomainCapabilitiesRequest): HostDomainCapabilities | undefined {
  const key = domainCapabilitiesKey(request);
  return host.domainCapabilities?.find((caps) => domainCapabilitiesKey(caps.request) === key);
}

/** How messages name the connection: its URI, or virsh's default when none is configured. */
export function connectionName(uri: string): Text {
  return uri || M.defaultConnection();
}

/** The connection's facts, when the host facts came over one (host rules say nothing otherwise). */
export function connectedHost(host: HostFacts): (HostFacts & { readonly connection: HostConnection }) | undefined {
  return host.connection && !host.unavailable ? (host as HostFacts & { readonly connection: HostConnection }) : undefined;
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
