// Where in a domain each of libvirt's domcapabilities device enums applies: one table for completion (which leaves
// out values the host lists without) and the host-unsupported-value rule (which reports the ones libvirt refuses).

export interface DomainCapabilityEnum {
  /** The device element: disk, video... */
  readonly device: string;
  /** The element carrying the attribute: the device itself or a child of it (<target bus>). */
  readonly tag: string;
  readonly attribute: string;
  /** The key in HostDomainCapabilities.deviceEnums. */
  readonly enum: string;
  /** How messages name the value. */
  readonly what: string;
  /** Where libvirt refuses the definition for a value outside the enum (checked on libvirt 9.0): its words. */
  readonly refusedAtDefine?: (value: string) => string;
  /** Values to offer instead, in order of preference. */
  readonly instead?: readonly string[];
}

export const DOMAIN_CAPABILITY_ENUMS: readonly DomainCapabilityEnum[] = [
  // bus='uml' is accepted at define: disk values are left out of completion, not reported.
  { device: 'disk', tag: 'target', attribute: 'bus', enum: 'disk.bus', what: 'disk bus' },
  { device: 'disk', tag: 'disk', attribute: 'device', enum: 'disk.diskDevice', what: 'disk device' },
  {
    device: 'video',
    tag: 'model',
    attribute: 'type',
    enum: 'video.modelType',
    what: 'video model',
    refusedAtDefine: (value) => `domain configuration does not support video model '${value}'`,
    instead: ['virtio', 'vga', 'qxl'],
  },
  {
    device: 'graphics',
    tag: 'graphics',
    attribute: 'type',
    enum: 'graphics.type',
    what: 'graphics type',
    refusedAtDefine: (value) => `${value} graphics are not supported with this QEMU`,
    instead: ['spice', 'vnc'],
  },
  { device: 'hostdev', tag: 'hostdev', attribute: 'type', enum: 'hostdev.subsysType', what: 'hostdev type' },
  { device: 'tpm', tag: 'tpm', attribute: 'model', enum: 'tpm.model', what: 'TPM model' },
  { device: 'tpm', tag: 'backend', attribute: 'type', enum: 'tpm.backendModel', what: 'TPM backend' },
  { device: 'rng', tag: 'rng', attribute: 'model', enum: 'rng.model', what: 'RNG model' },
  { device: 'filesystem', tag: 'driver', attribute: 'type', enum: 'filesystem.driverType', what: 'filesystem driver' },
];

/** The enum of the attribute `attribute` of `<tag>` inside (or being) the device `device`. */
export function domainCapabilityEnumAt(tag: string, attribute: string, device: string | undefined): DomainCapabilityEnum | undefined {
  return DOMAIN_CAPABILITY_ENUMS.find(
    (entry) => entry.tag === tag && entry.attribute === attribute && (entry.device === tag || entry.device === device),
  );
}
