// Enumerated attribute values as libvirt 9.0.0's parser knows them (its VIR_ENUM_IMPL tables in
// src/conf/domain_conf.c, cpu_conf.c, storage_source_conf.c). A value outside these makes `virsh define` fail.
// Only places where libvirt really checks are listed; free-form ones (the NIC model) are not.

import type { XmlElement } from '../xml/xmlTree';

const TRISTATE_SWITCH = ['default', 'on', 'off'];
const LIFECYCLE_ACTIONS = ['destroy', 'restart', 'rename-restart', 'preserve', 'coredump-destroy', 'coredump-restart'];

export interface EnumeratedAttribute {
  /** The element names, outermost first, that lead to the element carrying the attribute, e.g. ['disk', 'target']. */
  readonly path: readonly string[];
  readonly attribute: string;
  readonly values: readonly string[];
  /** Extra condition on the element, e.g. only <hostdev mode='subsystem'>. */
  readonly when?: (element: XmlElement) => boolean;
}

/** Text-content enumerations: <on_poweroff>destroy</on_poweroff>. */
export interface EnumeratedText {
  readonly path: readonly string[];
  readonly values: readonly string[];
  /** The values a fix offers, when the QEMU driver supports fewer than the parser accepts. */
  readonly offered?: readonly string[];
}

/** <domain type=…>: every driver's virtualization type. */
export const DOMAIN_TYPES = [
  'none',
  'qemu',
  'kqemu',
  'kvm',
  'xen',
  'lxc',
  'uml',
  'openvz',
  'test',
  'vmware',
  'hyperv',
  'vbox',
  'phyp',
  'parallels',
  'bhyve',
  'vz',
  'hvf',
];

/** The host side types of a character device (serial, console, channel…; an external TPM's source). */
export const CHARDEV_SOURCE_TYPES = [
  'null',
  'vc',
  'pty',
  'dev',
  'file',
  'pipe',
  'stdio',
  'udp',
  'tcp',
  'unix',
  'spicevmc',
  'spiceport',
  'nmdm',
  'qemu-vdagent',
  'dbus',
];

const subsystemHostdev = (element: XmlElement) => !element.attributes.some((a) => a.name === 'mode' && a.value !== 'subsystem');

export const ENUMERATED_ATTRIBUTES: readonly EnumeratedAttribute[] = [
  { path: ['domain'], attribute: 'type', values: DOMAIN_TYPES },
  { path: ['domain', 'os'], attribute: 'firmware', values: ['none', 'bios', 'efi'] },
  { path: ['domain', 'os', 'loader'], attribute: 'type', values: ['none', 'rom', 'pflash'] },
  { path: ['domain', 'os', 'boot'], attribute: 'dev', values: ['fd', 'cdrom', 'hd', 'network'] },
  { path: ['domain', 'cpu'], attribute: 'mode', values: ['custom', 'host-model', 'host-passthrough', 'maximum'] },
  { path: ['domain', 'cpu'], attribute: 'check', values: ['default', 'none', 'partial', 'full'] },
  { path: ['domain', 'cpu', 'feature'], attribute: 'policy', values: ['force', 'require', 'optional', 'disable', 'forbid'] },
  { path: ['domain', 'clock'], attribute: 'offset', values: ['utc', 'localtime', 'variable', 'timezone', 'absolute'] },
  { path: ['domain', 'features', 'hyperv', '*'], attribute: 'state', values: TRISTATE_SWITCH },
  { path: ['domain', 'features', 'kvm', '*'], attribute: 'state', values: TRISTATE_SWITCH },
  {
    path: ['domain', 'devices', 'disk'],
    attribute: 'type',
    values: ['none', 'file', 'block', 'dir', 'network', 'volume', 'nvme', 'vhostuser'],
  },
  { path: ['domain', 'devices', 'disk'], attribute: 'device', values: ['disk', 'cdrom', 'floppy', 'lun'] },
  {
    path: ['domain', 'devices', 'disk', 'target'],
    attribute: 'bus',
    values: ['none', 'ide', 'fdc', 'scsi', 'virtio', 'xen', 'usb', 'uml', 'sata', 'sd'],
  },
  {
    path: ['domain', 'devices', 'disk', 'driver'],
    attribute: 'cache',
    values: ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'],
  },
  { path: ['domain', 'devices', 'disk', 'driver'], attribute: 'io', values: ['default', 'native', 'threads', 'io_uring'] },
  { path: ['domain', 'devices', 'disk', 'driver'], attribute: 'discard', values: ['default', 'unmap', 'ignore'] },
  { path: ['domain', 'devices', 'disk', 'driver'], attribute: 'detect_zeroes', values: ['default', 'off', 'on', 'unmap'] },
  { path: ['domain', 'devices', 'disk', 'driver'], attribute: 'error_policy', values: ['default', 'stop', 'report', 'ignore', 'enospace'] },
  {
    path: ['domain', 'devices', 'interface'],
    attribute: 'type',
    values: [
      'user',
      'ethernet',
      'vhostuser',
      'server',
      'client',
      'mcast',
      'network',
      'bridge',
      'internal',
      'direct',
      'hostdev',
      'udp',
      'vdpa',
      'null',
      'vds',
    ],
  },
  {
    path: ['domain', 'devices', 'controller'],
    attribute: 'type',
    values: ['ide', 'fdc', 'scsi', 'sata', 'virtio-serial', 'ccid', 'usb', 'pci', 'xenbus', 'isa'],
  },
  { path: ['domain', 'devices', 'hostdev'], attribute: 'mode', values: ['subsystem', 'capabilities'] },
  {
    path: ['domain', 'devices', 'hostdev'],
    attribute: 'type',
    values: ['usb', 'pci', 'scsi', 'scsi_host', 'mdev'],
    when: subsystemHostdev,
  },
  {
    path: ['domain', 'devices', '*', 'address'],
    attribute: 'type',
    values: [
      'none',
      'pci',
      'drive',
      'virtio-serial',
      'ccid',
      'usb',
      'spapr-vio',
      'virtio-s390',
      'ccw',
      'virtio-mmio',
      'isa',
      'dimm',
      'unassigned',
    ],
  },
  {
    path: ['domain', 'devices', 'video', 'model'],
    attribute: 'type',
    values: ['default', 'vga', 'cirrus', 'vmvga', 'xen', 'vbox', 'qxl', 'parallels', 'virtio', 'gop', 'none', 'bochs', 'ramfb'],
  },
  {
    path: ['domain', 'devices', 'memballoon'],
    attribute: 'model',
    values: ['virtio', 'xen', 'none', 'virtio-transitional', 'virtio-non-transitional'],
  },
  { path: ['domain', 'devices', 'graphics'], attribute: 'type', values: ['sdl', 'vnc', 'rdp', 'desktop', 'spice', 'egl-headless', 'dbus'] },
  { path: ['domain', 'devices', 'input'], attribute: 'type', values: ['mouse', 'tablet', 'keyboard', 'passthrough', 'evdev'] },
  { path: ['domain', 'devices', 'input'], attribute: 'bus', values: ['ps2', 'usb', 'xen', 'parallels', 'virtio', 'none'] },
  { path: ['domain', 'devices', 'rng'], attribute: 'model', values: ['virtio', 'virtio-transitional', 'virtio-non-transitional'] },
  { path: ['domain', 'devices', 'tpm'], attribute: 'model', values: ['default', 'tpm-tis', 'tpm-crb', 'tpm-spapr', 'spapr-tpm-proxy'] },
  { path: ['domain', 'devices', 'watchdog'], attribute: 'model', values: ['i6300esb', 'ib700', 'diag288'] },
  {
    path: ['domain', 'devices', 'watchdog'],
    attribute: 'action',
    values: ['reset', 'shutdown', 'poweroff', 'pause', 'dump', 'none', 'inject-nmi'],
  },
  { path: ['domain', 'devices', 'shmem', 'model'], attribute: 'type', values: ['ivshmem', 'ivshmem-plain', 'ivshmem-doorbell'] },
];

export const ENUMERATED_TEXTS: readonly EnumeratedText[] = [
  // The QEMU driver supports only destroy and restart on poweroff and reboot ("doesn't support the 'rename-restart' action").
  { path: ['domain', 'on_poweroff'], values: LIFECYCLE_ACTIONS, offered: ['destroy', 'restart'] },
  { path: ['domain', 'on_reboot'], values: LIFECYCLE_ACTIONS, offered: ['destroy', 'restart'] },
  {
    path: ['domain', 'on_crash'],
    values: LIFECYCLE_ACTIONS,
    offered: ['destroy', 'restart', 'preserve', 'coredump-destroy', 'coredump-restart'],
  },
];

/** libvirt's x86 guest architectures (its ARCH_IS_X86). */
export const X86_ARCHES: ReadonlySet<string> = new Set(['x86_64', 'i686']);
