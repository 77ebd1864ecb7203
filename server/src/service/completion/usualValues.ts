// What people usually write, for completion to offer first: the attributes filled in when an element is
// inserted, common values where libvirt's schema has a pattern instead of a list, and the preferred first choice.
// Our own editorial choices, not libvirt's.

import type { UsualValues } from '../schema/schemaGuide';

/** Attributes worth filling in when an element is inserted, beyond the schema's required ones. */
const TYPICAL_ATTRIBUTES: Record<string, readonly string[]> = {
  disk: ['type', 'device'],
  interface: ['type'],
  controller: ['type', 'index'],
  hostdev: ['mode', 'type', 'managed'],
  graphics: ['type'],
  input: ['type', 'bus'],
  'disk/target': ['dev', 'bus'],
  'disk/driver': ['name', 'type'],
  'video/model': ['type'],
  'interface/model': ['type'],
  'interface/source': ['network'],
  memballoon: ['model'],
  memory: ['unit'],
  currentMemory: ['unit'],
  vcpu: ['placement'],
  cpu: ['mode'],
  'os/type': ['arch', 'machine'],
  address: ['type'],
  boot: ['order'],
  channel: ['type'],
  serial: ['type'],
  console: ['type'],
  rng: ['model'],
  tpm: ['model'],
  sound: ['model'],
  video: [],
  filesystem: ['type'],
};

/**
 * Values to suggest where the schema has a pattern rather than a list (libvirt accepts any NIC model QEMU knows,
 * any machine type…): the common ones, offered first. Keys: "parent/element@attribute", "element@attribute" or
 * "attribute"; the most specific wins.
 */
const SUGGESTED_VALUES: Record<string, readonly string[]> = {
  unit: ['KiB', 'MiB', 'GiB', 'TiB', 'b', 'KB', 'MB', 'GB', 'TB'],
  'interface/model@type': [
    'virtio',
    'e1000e',
    'e1000',
    'rtl8139',
    'igb',
    'virtio-transitional',
    'virtio-non-transitional',
    'vmxnet3',
    'ne2k_pci',
    'pcnet',
  ],
  'disk/driver@name': ['qemu'],
  'hostdev/driver@name': ['vfio'],
  'interface/driver@name': ['vhost', 'qemu'],
  'os/type@machine': ['q35', 'pc', 'virt', 'microvm', 'pseries', 's390-ccw-virtio'],
  'cpu/feature@name': [
    'hypervisor',
    'vmx',
    'svm',
    'topoext',
    'invtsc',
    'x2apic',
    'pdpe1gb',
    'ssbd',
    'md-clear',
    'spec-ctrl',
    'aes',
    'avx2',
  ],
  'cpu/model': ['host', 'Skylake-Client', 'Cascadelake-Server', 'EPYC', 'Haswell', 'cortex-a57', 'cortex-a72', 'max'],
};

/** Preferred first values in snippets' choices (otherwise the schema's order). */
const PREFERRED_VALUES: Record<string, string> = {
  'disk@type': 'file',
  'disk@device': 'disk',
  'target@bus': 'virtio',
  'interface@type': 'network',
  'model@type': 'virtio',
  'driver@name': 'qemu',
  'driver@type': 'qcow2',
  'hostdev@mode': 'subsystem',
  'hostdev@type': 'pci',
  'hostdev@managed': 'yes',
  'graphics@type': 'spice',
  'input@type': 'tablet',
  'input@bus': 'usb',
  'memballoon@model': 'virtio',
  'cpu@mode': 'host-passthrough',
  'controller@type': 'pci',
  'address@type': 'pci',
  'memory@unit': 'GiB',
  'currentMemory@unit': 'GiB',
  'vcpu@placement': 'static',
  'type@arch': 'x86_64',
  'channel@type': 'unix',
  'serial@type': 'pty',
  'console@type': 'pty',
  'rng@model': 'virtio',
  'tpm@model': 'tpm-crb',
  'sound@model': 'ich9',
  'type@machine': 'q35',
  'type#text': 'hvm',
  'source@network': 'default',
  'memory#text': '4',
  'currentMemory#text': '4',
  'vcpu#text': '2',
  'on_poweroff#text': 'destroy',
  'on_reboot#text': 'restart',
  'on_crash#text': 'destroy',
};

/** A domain's usual values. */
export const DOMAIN_USUAL_VALUES: UsualValues = {
  typical: TYPICAL_ATTRIBUTES,
  suggested: SUGGESTED_VALUES,
  preferred: PREFERRED_VALUES,
};
