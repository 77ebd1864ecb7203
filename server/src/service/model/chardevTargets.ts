// Character device targets as libvirt's QEMU driver reads them: each kind's target types, the address and model
// each serial target type takes, and the machine traits that decide which serial targets a guest can have.

/** Each kind's target types; a type's index is its number in libvirt's enumeration. */
export const TARGET_TYPES: Readonly<Record<string, readonly string[]>> = {
  serial: ['none', 'isa-serial', 'usb-serial', 'pci-serial', 'spapr-vio-serial', 'system-serial', 'sclp-serial', 'isa-debug'],
  channel: ['none', 'guestfwd', 'virtio', 'xen'],
  console: ['none', 'serial', 'xen', 'uml', 'virtio', 'lxc', 'openvz', 'sclp', 'sclplm'],
};

/** The address type each serial target type needs (or none at all: system-serial, sclp-serial). */
export const SERIAL_ADDRESS: Readonly<Record<string, string | null>> = {
  'isa-serial': 'isa',
  'usb-serial': 'usb',
  'pci-serial': 'pci',
  'spapr-vio-serial': 'spapr-vio',
  'isa-debug': 'isa',
  'system-serial': null,
  'sclp-serial': null,
};

/** The target type each serial target model belongs to. */
export const MODEL_TYPE: Readonly<Record<string, string>> = {
  'isa-serial': 'isa-serial',
  'usb-serial': 'usb-serial',
  'pci-serial': 'pci-serial',
  'spapr-vty': 'spapr-vio-serial',
  pl011: 'system-serial',
  '16550a': 'system-serial',
  sclpconsole: 'sclp-serial',
  sclplmconsole: 'sclp-serial',
  'isa-debugcon': 'isa-debug',
};

/** The model libvirt gives each serial target type (system-serial's depends on the machine). */
export const TYPE_MODEL: Readonly<Record<string, string>> = {
  'isa-serial': 'isa-serial',
  'usb-serial': 'usb-serial',
  'pci-serial': 'pci-serial',
  'spapr-vio-serial': 'spapr-vty',
  'sclp-serial': 'sclpconsole',
  'isa-debug': 'isa-debugcon',
};

/** What a serial port is on, as libvirt's QEMU driver tells machines apart. */
export interface Machine {
  readonly x86: boolean;
  readonly s390: boolean;
  readonly pseries: boolean;
  readonly armVirt: boolean;
  readonly riscvVirt: boolean;
  /** Whether the rest is known: a machine is named (or the guest is x86, where the machine does not matter). */
  readonly known: boolean;
}

export function machineOf(arch: string, machine: string | undefined): Machine {
  const virt = machine === 'virt' || machine?.startsWith('virt-') === true;
  const x86 = arch === 'x86_64' || arch === 'i686';
  return {
    x86,
    s390: arch === 's390' || arch === 's390x',
    pseries: arch.startsWith('ppc64') && machine?.startsWith('pseries') === true,
    armVirt: (arch === 'aarch64' || arch === 'armv7l') && virt,
    riscvVirt: arch.startsWith('riscv') && virt,
    known: x86 || machine !== undefined,
  };
}

/** The devices libvirt parses as character devices (virDomainChrDef). */
export const CHAR_DEVICE_KINDS: ReadonlySet<string> = new Set(['serial', 'parallel', 'console', 'channel']);
