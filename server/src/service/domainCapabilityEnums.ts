// Where in a domain each of libvirt's domcapabilities device enums applies: one table for completion (which leaves
// out values the host lists without) and the host-unsupported-value rule (which reports the ones libvirt refuses).

import { type Message, messages } from '../l10n/message';

const M = messages('domain-capability', {
  diskBus: 'disk bus',
  diskDevice: 'disk device',
  videoModel: 'video model',
  graphicsType: 'graphics type',
  hostdevType: 'hostdev type',
  tpmModel: 'TPM model',
  tpmBackend: 'TPM backend',
  rngModel: 'RNG model',
  rngBackend: 'RNG backend',
  filesystemDriver: 'filesystem driver',
  loadVhostScsi: 'load vhost-scsi on the host (modprobe vhost_scsi; echo vhost_scsi > /etc/modules-load.d/vhost-scsi.conf)',
  loadVfio: 'load VFIO on the host (modprobe vfio_pci vfio_mdev) and turn the IOMMU on',
  installSwtpm: 'install swtpm on the host (apt install swtpm swtpm-tools; dnf install swtpm swtpm-tools), then restart libvirtd',
});

/** How libvirt refuses a value its domain capabilities list without (checked on libvirt 9.0 / QEMU 7.2). */
export interface Refusal {
  /** Whether `virsh define` already refuses it, or only `virsh start`. */
  readonly when: 'define' | 'start';
  /**
   * libvirt's words for the value, with the emulator's path; undefined where its refusal was not seen here (then the
   * value is only a warning).
   */
  readonly says: (value: string, emulator: string) => string | undefined;
  /** What to do on the host, when it is something to install or load. */
  readonly onHost?: (value: string) => Message | undefined;
}

export interface DomainCapabilityEnum {
  /** The device element: disk, video... */
  readonly device: string;
  /** The element carrying the attribute: the device itself or a child of it (<target bus>). */
  readonly tag: string;
  readonly attribute: string;
  /** The key in HostDomainCapabilities.deviceEnums. */
  readonly enum: string;
  /** How messages name the value. */
  readonly what: Message;
  /** How libvirt refuses a value outside the enum; absent where it does not (then completion alone filters). */
  readonly refused?: Refusal;
  /** Values another rule explains better (ide on q35: ide-unsupported-machine; pci without VFIO: host-iommu-disabled). */
  readonly explainedElsewhere?: readonly string[];
  /** Values to offer instead, in order of preference. */
  readonly instead?: readonly string[];
}

/** The hostdev types whose refusal at start was seen here (libvirt 9.0), with what to do on the host. */
const HOSTDEV_REFUSALS: Readonly<Record<string, { readonly says: string; readonly onHost: Message }>> = {
  scsi_host: {
    says: "vhost-scsi device file '/dev/vhost-scsi' cannot be found",
    onHost: M.loadVhostScsi(),
  },
  mdev: {
    says: 'Mediated host device assignment requires VFIO support',
    onHost: M.loadVfio(),
  },
};

export const DOMAIN_CAPABILITY_ENUMS: readonly DomainCapabilityEnum[] = [
  {
    device: 'disk',
    tag: 'target',
    attribute: 'bus',
    enum: 'disk.bus',
    what: M.diskBus(),
    // bus='uml' and 'xen' pass define; QEMU's command line cannot be built for them.
    refused: { when: 'start', says: (value) => `unsupported disk bus '${value}' with device setup` },
    explainedElsewhere: ['ide'],
    instead: ['virtio', 'sata', 'scsi'],
  },
  // Every QEMU lists disk, cdrom, floppy and lun: nothing to refuse.
  { device: 'disk', tag: 'disk', attribute: 'device', enum: 'disk.diskDevice', what: M.diskDevice() },
  {
    device: 'video',
    tag: 'model',
    attribute: 'type',
    enum: 'video.modelType',
    what: M.videoModel(),
    refused: { when: 'define', says: (value) => `domain configuration does not support video model '${value}'` },
    instead: ['virtio', 'vga', 'qxl'],
  },
  {
    device: 'graphics',
    tag: 'graphics',
    attribute: 'type',
    enum: 'graphics.type',
    what: M.graphicsType(),
    refused: { when: 'define', says: (value) => `${value} graphics are not supported with this QEMU` },
    instead: ['spice', 'vnc'],
  },
  {
    device: 'hostdev',
    tag: 'hostdev',
    attribute: 'type',
    enum: 'hostdev.subsysType',
    what: M.hostdevType(),
    refused: {
      when: 'start',
      says: (value) => HOSTDEV_REFUSALS[value]?.says,
      onHost: (value) => HOSTDEV_REFUSALS[value]?.onHost,
    },
    explainedElsewhere: ['pci'],
  },
  {
    device: 'tpm',
    tag: 'tpm',
    attribute: 'model',
    enum: 'tpm.model',
    what: M.tpmModel(),
    refused: { when: 'define', says: (value, emulator) => `The QEMU executable ${emulator} does not support TPM model ${value}` },
    instead: ['tpm-crb', 'tpm-tis'],
  },
  {
    device: 'tpm',
    tag: 'backend',
    attribute: 'type',
    enum: 'tpm.backendModel',
    what: M.tpmBackend(),
    // Without swtpm libvirt lists no emulator backend and no TPM versions: the version check speaks first.
    refused: {
      when: 'define',
      says: (value) => (value === 'emulator' ? "TPM version '2.0' is not supported" : undefined),
      onHost: (value) => (value === 'emulator' ? M.installSwtpm() : undefined),
    },
  },
  // Every QEMU lists the three virtio RNG models and the schema allows no other.
  { device: 'rng', tag: 'rng', attribute: 'model', enum: 'rng.model', what: M.rngModel() },
  { device: 'rng', tag: 'backend', attribute: 'model', enum: 'rng.backendModel', what: M.rngBackend() },
  {
    device: 'filesystem',
    tag: 'driver',
    attribute: 'type',
    enum: 'filesystem.driverType',
    what: M.filesystemDriver(),
    // loop, nbd and ploop are LXC's: QEMU has no device for them, and address assignment is what fails.
    refused: { when: 'define', says: () => 'Cannot automatically add a new PCI bus for a device with connect flags 00' },
    // virtiofs would also need shared memory (<memoryBacking><access mode='shared'/>): 9p's path is the drop-in.
    instead: ['path'],
  },
];

/** The enum of the attribute `attribute` of `<tag>` inside (or being) the device `device`. */
export function domainCapabilityEnumAt(tag: string, attribute: string, device: string | undefined): DomainCapabilityEnum | undefined {
  return DOMAIN_CAPABILITY_ENUMS.find(
    (entry) => entry.tag === tag && entry.attribute === attribute && (entry.device === tag || entry.device === device),
  );
}
