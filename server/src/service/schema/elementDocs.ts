// Short documentation of libvirt's domain XML elements and attributes, written for this extension, each with
// the section of libvirt's formatdomain page that has the whole story. Keys: "name", "parent/name" or
// "grandparent/parent/name" for elements; the same followed by "@attribute" for attributes. The most specific
// key wins.

import { formatDomainSection } from '../libvirtDocs';

export interface Doc {
  readonly text: string;
  readonly section: string;
}

const S = {
  general: 'General metadata',
  os: 'Operating system booting',
  bios: 'BIOS bootloader',
  kernel: 'Direct kernel boot',
  vcpu: 'CPU Allocation',
  tuning: 'CPU Tuning',
  memory: 'Memory Allocation',
  backing: 'Memory Backing',
  numa: 'NUMA Node Tuning',
  cpu: 'CPU model and topology',
  events: 'Events configuration',
  pm: 'Power Management',
  features: 'Hypervisor features',
  clock: 'Time keeping',
  devices: 'Devices',
  disks: 'Hard drives, floppy disks, CDROMs',
  fs: 'Filesystems',
  addresses: 'Device Addresses',
  virtio: 'Virtio-related options',
  controllers: 'Controllers',
  hostdev: 'USB / PCI / SCSI devices',
  nics: 'Network interfaces',
  input: 'Input devices',
  graphics: 'Graphical framebuffers',
  video: 'Video devices',
  chars: 'Consoles, serial, parallel & channel devices',
  sound: 'Sound devices',
  audio: 'Audio backends',
  watchdog: 'Watchdog devices',
  balloon: 'Memory balloon device',
  rng: 'Random number generator device',
  tpm: 'TPM device',
  shmem: 'Shared memory device',
  memdev: 'Memory devices',
  iommu: 'IOMMU devices',
  vsock: 'Vsock',
  seclabel: 'Security label',
  redir: 'Redirected devices',
  bootOrder: 'Specifying boot order',
  nicModel: 'Setting the NIC model',
} as const;

const DOCS: Record<string, readonly [string, keyof typeof S]> = {
  domain: [
    'The root of a virtual machine definition. `type` is the hypervisor driver: `kvm` for hardware acceleration, `qemu` for pure emulation (TCG).',
    'general',
  ],
  'domain@type': [
    "The hypervisor: `kvm` (hardware-accelerated, needs /dev/kvm and a guest of the host's architecture) or `qemu` (emulation with TCG, any architecture, much slower).",
    'general',
  ],
  name: ["The domain's unique short name on the host: what `virsh start NAME` uses.", 'general'],
  uuid: ["The domain's globally unique id (RFC 4122). libvirt generates one when it is missing.", 'general'],
  title: ['A one-line title shown by management tools.', 'general'],
  description: ['Free text for people; libvirt keeps it and never reads it.', 'general'],
  metadata: ['Application data in its own XML namespaces; libvirt stores it untouched.', 'general'],
  memory: ['The maximum memory of the guest at boot (default unit KiB). With a balloon, `currentMemory` can be less.', 'memory'],
  currentMemory: [
    'The memory actually given to the guest at boot; less than `memory` only through the balloon driver in the guest.',
    'memory',
  ],
  maxMemory: ['The ceiling for memory hot-plug (with `slots`); needs a guest NUMA topology.', 'memory'],
  'memory@unit': ['Unit of the value: b, KiB (default), MiB, GiB, TiB, or the decimal KB, MB, GB, TB.', 'memory'],
  'currentMemory@unit': ['Unit of the value: b, KiB (default), MiB, GiB, TiB, or the decimal KB, MB, GB, TB.', 'memory'],
  memoryBacking: ['How guest memory is backed on the host: huge pages, locked, shared (needed by virtiofs and vhost-user).', 'backing'],
  vcpu: ['The maximum number of virtual CPUs; `current` starts fewer of them.', 'vcpu'],
  'vcpu@placement': ['`static` pins to `cpuset` (or all host CPUs); `auto` asks numad for a placement.', 'vcpu'],
  'vcpu@current': ['How many of the vCPUs are online at boot (the rest can be hot-plugged).', 'vcpu'],
  cputune: ['Pinning of vCPUs, emulator and I/O threads to host CPUs, and scheduler settings.', 'tuning'],
  numatune: ["Which host NUMA nodes the guest's memory comes from.", 'numa'],
  os: ['How the guest boots: architecture, machine type, firmware, boot devices or a kernel.', 'os'],
  'os/type': ['`hvm` for a fully virtualised guest; `arch` and `machine` choose the emulated system (x86_64 q35/pc, aarch64 virt…).', 'os'],
  'os/type@machine': [
    'The QEMU machine type: `q35` (PCIe, modern), `pc` (i440fx, legacy PCI), `virt` for aarch64/riscv. libvirt expands aliases to a versioned name.',
    'os',
  ],
  'os/type@arch': ["The guest CPU architecture. A different one from the host's needs `domain type='qemu'` (TCG emulation).", 'os'],
  'os@firmware': ['`efi` lets libvirt pick a UEFI build (OVMF / AAVMF) and its NVRAM; `bios` is SeaBIOS.', 'bios'],
  loader: ["The firmware image. For UEFI usually `readonly='yes' type='pflash'` with an `<nvram>` for its variables.", 'bios'],
  nvram: ['The per-domain copy of the UEFI variables; created from a template when missing.', 'bios'],
  'os/boot': ['A boot device in order of preference (legacy; per-device `<boot order>` is finer and cannot be mixed with it).', 'os'],
  'os/boot@dev': ['`hd`, `cdrom`, `network` or `fd`: tried in the order the `<boot>` elements appear.', 'os'],
  bootmenu: ['Whether the firmware shows a boot menu, and for how long (`timeout` in ms).', 'bios'],
  kernel: ['A kernel image on the host to boot directly, without a bootloader in the guest.', 'kernel'],
  features: [
    'Hypervisor features: ACPI/APIC, Hyper-V enlightenments, KVM hiding, SMM… Unknown children make libvirt refuse the domain.',
    'features',
  ],
  'features/acpi': ['ACPI: needed for clean shutdown and by UEFI on x86; required by most OSes.', 'features'],
  'features/apic': ['The APIC (interrupt controller) on x86.', 'features'],
  'features/hyperv': [
    'Hyper-V enlightenments for Windows guests: faster timers, spinlocks, APIC. `vendor_id` also hides KVM from NVIDIA drivers (Code 43).',
    'features',
  ],
  'features/hyperv@mode': ['`custom` uses the listed enlightenments; `passthrough` enables all the host supports.', 'features'],
  'hyperv/vendor_id': [
    'The Hyper-V vendor string the guest sees (1–12 characters): a non-default one keeps NVIDIA drivers from detecting the VM.',
    'features',
  ],
  'hyperv/spinlocks': ['Paravirtualised spinlocks; `retries` at least 4095.', 'features'],
  'features/kvm': ["KVM-specific features; `<hidden state='on'/>` hides the KVM signature from the guest (GPU passthrough).", 'features'],
  'kvm/hidden': ['Hides the KVM CPUID signature: NVIDIA drivers older than 465 refuse to run in a VM without it (Code 43).', 'features'],
  'features/ioapic': [
    "Where the IOAPIC is emulated: `driver='kvm'` (in the kernel) or `qemu` (needed with split irqchip / IOMMU).",
    'features',
  ],
  'features/smm': ['System Management Mode: required by UEFI Secure Boot builds on q35.', 'features'],
  cpu: [
    'The guest CPU model and topology. `host-passthrough` exposes the host CPU as is (best performance, no migration across hosts).',
    'cpu',
  ],
  'cpu@mode': [
    '`host-passthrough` (the host CPU, as is), `host-model` (a model close to the host, migratable), `custom` (a named model), `maximum`.',
    'cpu',
  ],
  'cpu@check': ['How strictly libvirt checks the CPU against the host: `none`, `partial`, `full`.', 'cpu'],
  'cpu/topology': ['Sockets × dies × cores × threads: must equal the vCPU count.', 'cpu'],
  'cpu/feature': [
    "Adds or removes a CPU flag. `<feature policy='disable' name='hypervisor'/>` hides the hypervisor bit from the guest.",
    'cpu',
  ],
  'cpu/feature@policy': [
    '`require`/`force` turn the flag on, `disable`/`forbid` turn it off, `optional` keeps it if the host has it.',
    'cpu',
  ],
  'cpu/model': ["A named CPU model (Skylake-Client, cortex-a57…), for `mode='custom'`.", 'cpu'],
  clock: ["The guest's clock: `utc` for Linux, `localtime` for Windows; timers tune how time is kept.", 'clock'],
  'clock@offset': ['`utc` (Linux), `localtime` (Windows), `timezone`, or `variable` with an adjustment.', 'clock'],
  timer: ['A timer source (rtc, pit, hpet, hypervclock…) and its policy when the guest misses ticks.', 'clock'],
  on_poweroff: ['What libvirt does when the guest powers off: `destroy` (stop), `restart`, `preserve`…', 'events'],
  on_reboot: ['What libvirt does when the guest reboots: usually `restart`.', 'events'],
  on_crash: ['What libvirt does when the guest crashes: `destroy`, `restart`, `coredump-destroy`…', 'events'],
  pm: ['Whether the guest may suspend to RAM or disk.', 'pm'],
  devices: ["The guest's hardware: disks, NICs, controllers, passed-through host devices, graphics…", 'devices'],
  emulator: ['The QEMU binary for this domain; libvirt picks one from the architecture when it is missing.', 'devices'],
  disk: [
    'A disk, CD-ROM or floppy. `type` says where the data is (file, block device, network…), `device` how the guest sees it.',
    'disks',
  ],
  'disk@type': [
    '`file` (an image), `block` (a host block device, with `<source dev>`), `network` (Ceph, iSCSI, NBD…), `volume` (a storage pool), `dir`, `nvme`.',
    'disks',
  ],
  'disk@device': ['`disk`, `cdrom`, `floppy` or `lun` (SCSI passthrough).', 'disks'],
  'disk/source': [
    "Where the disk's data is: `file=` for images, `dev=` for block devices (prefer /dev/disk/by-id paths), `protocol`/`name` for network disks.",
    'disks',
  ],
  'disk/source@dev': ['A host block device. /dev/disk/by-id/… names stay the same across reboots; /dev/sdX may not.', 'disks'],
  'disk/source@file': ['The image file on the host (qcow2, raw…).', 'disks'],
  'disk/target': ['How the guest sees the disk: the device name (`vda`, `sda`, `hda`) and the bus.', 'disks'],
  'disk/target@bus': [
    '`virtio` (fastest; needs the driver — Windows installs without it), `sata`, `scsi` (with a virtio-scsi controller), `usb`, `ide` (pc machines only).',
    'disks',
  ],
  'disk/target@dev': ['The device name hint: `vd*` for virtio, `sd*` for SATA/SCSI/USB, `hd*` for IDE. Unique per domain.', 'disks'],
  'disk/driver': ['How QEMU accesses the data: the image format (`type`), cache mode, I/O mode, discard.', 'disks'],
  'disk/driver@type': ['The image format: `raw` or `qcow2` (also vmdk, vdi…). Must match the file, or the guest sees garbage.', 'disks'],
  'disk/driver@cache': ['`none` (O_DIRECT, the usual choice), `writeback`, `writethrough`, `directsync`, `unsafe`.', 'disks'],
  'disk/driver@io': ['`native` (Linux AIO, with cache=none), `threads`, `io_uring`.', 'disks'],
  'disk/driver@discard': ['`unmap` passes TRIM from the guest to the image (thin provisioning); `ignore` drops it.', 'disks'],
  readonly: ['The guest cannot write the disk (CD-ROMs are always read-only).', 'disks'],
  shareable: ['The disk may be used by several domains at once (needs a cluster filesystem in the guests).', 'disks'],
  boot: ['Per-device boot order: lower boots first. Cannot be mixed with `<os><boot dev>`.', 'bootOrder'],
  'boot@order': ['The position in the boot order (1 first); unique per domain.', 'bootOrder'],
  address: ['Where the device sits on its bus. Usually left out: libvirt assigns one at define.', 'addresses'],
  'address@type': ['`pci`, `drive` (IDE/SATA/SCSI unit), `usb`, `virtio-serial`, `ccw`, `virtio-mmio`…', 'addresses'],
  'address@domain': ['PCI domain (segment), normally 0x0000.', 'addresses'],
  'address@bus': ["PCI bus: 0x00 is the root bus; others are provided by `<controller type='pci'>` with that index.", 'addresses'],
  'address@slot': [
    'PCI slot 0x00–0x1f. Two devices cannot share a slot unless they are functions of one multifunction device.',
    'addresses',
  ],
  'address@function': [
    "PCI function 0x0–0x7 within the slot; function 0 must exist and carry multifunction='on' when others do.",
    'addresses',
  ],
  'address@multifunction': ['`on` on function 0 when the slot has more functions.', 'addresses'],
  controller: ['A bus controller: PCI/PCIe buses and root ports, USB, SATA, SCSI, virtio-serial.', 'controllers'],
  'controller@type': ['`pci`, `usb`, `sata`, `scsi`, `virtio-serial`, `ide`, `fdc`, `ccid`…', 'controllers'],
  'controller@index': ['Which controller of its type this is; for PCI, the bus number it provides.', 'controllers'],
  'controller@model': [
    'The controller model: for PCI `pcie-root-port`, `pci-bridge`…; for SCSI `virtio-scsi`; for USB `qemu-xhci`.',
    'controllers',
  ],
  hostdev: [
    'A host device passed through to the guest (VFIO for PCI). The host address is in `<source>`, the guest address in `<address>`.',
    'hostdev',
  ],
  'hostdev@managed': [
    '`yes`: libvirt detaches the device from its host driver and binds vfio-pci at start, and gives it back at stop.',
    'hostdev',
  ],
  'hostdev@mode': ['`subsystem` for USB/PCI/SCSI/mdev passthrough; `capabilities` for containers.', 'hostdev'],
  'hostdev@type': ['`pci`, `usb`, `scsi`, `scsi_host` or `mdev`.', 'hostdev'],
  'hostdev/source': ['The device on the host: for PCI its host address (see `lspci -D`).', 'hostdev'],
  'hostdev/source/address': ['The host PCI address (`lspci -D`): pass every function of a GPU (video and audio) to the guest.', 'hostdev'],
  rom: ["The device's option ROM: `bar='off'` hides it, `file=` supplies a dumped VBIOS.", 'hostdev'],
  interface: ['A network interface. `type` says what it connects to: a libvirt network, a host bridge, macvtap (`direct`)…', 'nics'],
  'interface@type': [
    '`network` (a libvirt network, e.g. default NAT), `bridge` (a host bridge), `direct` (macvtap), `user` (SLIRP), `hostdev` (SR-IOV VF)…',
    'nics',
  ],
  'interface/source': ['What the NIC connects to: `network=`, `bridge=` or `dev=` depending on the type.', 'nics'],
  'interface/model': [
    'The emulated NIC: `virtio` is by far the fastest (Windows needs the virtio-win driver); `e1000e`, `rtl8139` need no driver.',
    'nicModel',
  ],
  'interface/model@type': [
    '`virtio`, `e1000e`, `e1000`, `rtl8139`… Without a model QEMU picks an emulated one (rtl8139 on x86).',
    'nicModel',
  ],
  mac: ["The NIC's MAC address; libvirt generates one (52:54:00:…) when it is missing.", 'nics'],
  'mac@address': ['Six hex bytes separated by colons; must be unicast (the first byte even).', 'nics'],
  graphics: ['A graphical console: `spice` or `vnc` (remote), `egl-headless`, `sdl`…', 'graphics'],
  'graphics@type': ['`spice`, `vnc`, `sdl`, `egl-headless`, `dbus`, `rdp`, `desktop`.', 'graphics'],
  video: ['The emulated graphics card. One is primary; with GPU passthrough it can be `none`.', 'video'],
  'video/model@type': ['`virtio` (best for Linux), `qxl` (SPICE, Windows with drivers), `vga`, `bochs`, `ramfb`, `none`.', 'video'],
  input: ['A keyboard, mouse or tablet. A USB `tablet` gives absolute pointing in graphical consoles.', 'input'],
  sound: ['An emulated sound card (ich9, ich6, ac97…).', 'sound'],
  audio: ['The host audio backend for sound cards and graphics.', 'audio'],
  serial: ['A serial port; with `pty` it is what `virsh console` attaches to.', 'chars'],
  console: ["The console the guest's kernel writes to; the first one mirrors the first serial port.", 'chars'],
  channel: ['A guest↔host channel, e.g. `org.qemu.guest_agent.0` for the QEMU guest agent.', 'chars'],
  memballoon: [
    "The balloon device that lets the host reclaim guest memory. `model='none'` disables it (advised with VFIO passthrough).",
    'balloon',
  ],
  'memballoon@model': ['`virtio` (the balloon), or `none` to have no balloon at all.', 'balloon'],
  rng: ['A virtio random number generator fed from the host (/dev/urandom).', 'rng'],
  tpm: ['A TPM for the guest: emulated (`swtpm`, needed by Windows 11) or passed through.', 'tpm'],
  watchdog: ['A watchdog device and what libvirt does when the guest stops feeding it.', 'watchdog'],
  filesystem: ['A host directory shared with the guest (virtiofs or 9p).', 'fs'],
  shmem: ['A shared memory region between guests or with the host (ivshmem), e.g. for Looking Glass.', 'shmem'],
  iommu: ['An emulated IOMMU in the guest (intel, smmuv3, virtio).', 'iommu'],
  vsock: ['A virtio socket between the guest and the host.', 'vsock'],
  redirdev: ['A USB device redirected from the SPICE client.', 'redir'],
  seclabel: ["The security (SELinux/AppArmor/DAC) label of the domain's processes and files.", 'seclabel'],
};

/** The documentation of an element (`attribute` undefined) or of one of its attributes. */
export function docFor(path: readonly string[], attribute?: string): Doc | undefined {
  const suffix = attribute ? `@${attribute}` : '';
  for (let depth = Math.min(3, path.length); depth >= 1; depth--) {
    const entry = DOCS[path.slice(path.length - depth).join('/') + suffix];
    if (entry) return { text: entry[0], section: formatDomainSection(S[entry[1]]) };
  }
  return undefined;
}
