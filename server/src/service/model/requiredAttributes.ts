// Attributes libvirt 9.0's domain parser requires, each with its message: found by deleting every attribute of
// libvirt's accepted test domains one at a time and defining the result on the real daemon (refused in every sampled
// case), read against its source for the conditions. Where an element has alternatives (a secret's uuid= or usage=),
// any one of them will do.

import { attributeValue, type XmlElement } from '../xml/xmlTree';

export interface RequiredAttribute {
  /** Element names from the domain's children down ('*' for any one element). */
  readonly path: readonly string[];
  /** The attribute, or the alternatives of which one is needed. */
  readonly attributes: readonly string[];
  /** libvirt's message (its error-class prefix left out). */
  readonly says: string;
  /** Only where this holds of the element. */
  readonly when?: (element: XmlElement) => boolean;
}

const missing = (attribute: string, element: string) => `Missing required attribute '${attribute}' in element '${element}'`;
const plain = (path: string, attribute: string): RequiredAttribute => {
  const names = path.split('/');
  return { path: names, attributes: [attribute], says: missing(attribute, names[names.length - 1]!) };
};
const parentIs =
  (name: string, attribute: string, ...values: string[]) =>
  (element: XmlElement) =>
    values.includes(attributeValue(element.parent, attribute) ?? '') && element.parent?.name === name;

/** The element sits in the <source> of a character device of this type. */
const chardevOfType =
  (type: string) =>
  (element: XmlElement): boolean =>
    attributeValue(element.parent?.parent, 'type') === type;

const REQUIRED_ATTRIBUTES: readonly RequiredAttribute[] = [
  plain('clock/timer', 'name'),
  { path: ['cpu', 'feature'], attributes: ['name'], says: 'Invalid CPU feature name' },
  plain('cpu/topology', 'sockets'),
  plain('cpu/topology', 'cores'),
  plain('cpu/topology', 'threads'),
  { path: ['cputune', 'emulatorpin'], attributes: ['cpuset'], says: 'missing cpuset for emulatorpin' },
  { path: ['cputune', 'iothreadpin'], attributes: ['cpuset'], says: 'missing cpuset for iothreadpin' },
  plain('cputune/iothreadpin', 'iothread'),
  plain('devices/audio', 'id'),
  plain('devices/audio', 'type'),
  { path: ['devices', 'channel', 'target'], attributes: ['type'], says: "unknown target type '(null)' specified for character device" },
  {
    ...plain('devices/channel/target', 'port'),
    when: (element) => attributeValue(element, 'type') === 'guestfwd',
  },
  // A character device's <reconnect> (tcp and unix sources): a timeout once it is enabled.
  ...['serial', 'parallel', 'console', 'channel'].map((kind) => ({
    ...plain(`devices/${kind}/source/reconnect`, 'timeout'),
    when: (element: XmlElement) =>
      attributeValue(element, 'enabled') === 'yes' && ['tcp', 'unix'].includes(attributeValue(element.parent?.parent, 'type') ?? ''),
  })),
  { ...plain('devices/channel/source/clipboard', 'copypaste'), when: chardevOfType('qemu-vdagent') },
  { ...plain('devices/channel/source/mouse', 'mode'), when: chardevOfType('qemu-vdagent') },
  plain('devices/*/boot', 'order'),
  { path: ['devices', 'disk', 'auth'], attributes: ['username'], says: 'missing username for auth' },
  { path: ['devices', 'disk', 'source', 'auth'], attributes: ['username'], says: 'missing username for auth' },
  { path: ['devices', 'disk', 'auth', 'secret'], attributes: ['uuid', 'usage'], says: 'missing secret uuid or usage attribute' },
  { path: ['devices', 'disk', 'source', 'auth', 'secret'], attributes: ['uuid', 'usage'], says: 'missing secret uuid or usage attribute' },
  { path: ['devices', 'disk', 'encryption'], attributes: ['format'], says: 'unknown volume encryption format' },
  { path: ['devices', 'disk', 'source', 'encryption'], attributes: ['format'], says: 'unknown volume encryption format' },
  { path: ['devices', 'disk', 'encryption', 'secret'], attributes: ['type'], says: 'unknown volume encryption secret type' },
  { path: ['devices', 'disk', 'source', 'encryption', 'secret'], attributes: ['type'], says: 'unknown volume encryption secret type' },
  { path: ['devices', 'disk', 'backingStore', 'format'], attributes: ['type'], says: 'missing disk backing store format' },
  {
    path: ['devices', 'disk', 'source'],
    attributes: ['protocol'],
    says: missing('protocol', 'source'),
    when: parentIs('disk', 'type', 'network'),
  },
  { path: ['devices', 'disk', 'source', 'cookies', 'cookie'], attributes: ['name'], says: 'missing cookie name' },
  { path: ['devices', 'disk', 'source', 'slices', 'slice'], attributes: ['offset'], says: 'missing offset or size attribute of slice' },
  { path: ['devices', 'disk', 'source', 'slices', 'slice'], attributes: ['size'], says: 'missing offset or size attribute of slice' },
  plain('devices/disk/source/reconnect', 'timeout'),
  plain('devices/disk/source/reservations', 'managed'),
  plain('devices/graphics', 'type'),
  plain('devices/graphics/listen', 'type'),
  // egl-headless graphics take <gl rendernode=…> alone.
  { ...plain('devices/graphics/gl', 'enable'), when: (element) => attributeValue(element.parent, 'type') !== 'egl-headless' },
  {
    path: ['devices', 'hostdev'],
    attributes: ['type'],
    says: 'missing source address type',
    when: (element) => attributeValue(element, 'mode') !== 'capabilities',
  },
  { ...plain('devices/hostdev', 'model'), when: (element) => attributeValue(element, 'type') === 'mdev' },
  { path: ['devices', 'hostdev', 'teaming'], attributes: ['type'], says: "unknown teaming type '(null)'" },
  { path: ['devices', 'input'], attributes: ['type'], says: 'missing input device type' },
  { path: ['devices', 'interface', 'ip'], attributes: ['address'], says: 'Missing required address in <ip>' },
  plain('devices/iommu', 'model'),
  plain('devices/memory', 'model'),
  { path: ['devices', 'rng'], attributes: ['model'], says: 'missing RNG device model' },
  { path: ['devices', 'rng', 'backend'], attributes: ['model'], says: 'missing RNG device backend model' },
  plain('devices/sound', 'model'),
  plain('devices/tpm/backend', 'type'),
  plain('devices/video/model/resolution', 'x'),
  plain('devices/video/model/resolution', 'y'),
  plain('features/kvm/hidden', 'state'),
  plain('features/kvm/hint-dedicated', 'state'),
  plain('features/kvm/poll-control', 'state'),
  plain('features/kvm/pv-ipi', 'state'),
  plain('features/kvm/dirty-ring', 'state'),
  ...['uid', 'gid'].flatMap((id) =>
    ['start', 'target', 'count'].map((attribute) => ({
      path: ['idmap', id],
      attributes: [attribute],
      says: 'invalid idmap start/target/count settings',
    })),
  ),
  { path: ['memoryBacking', 'hugepages', 'page'], attributes: ['size'], says: "missing element or attribute './@size'" },
  plain('numatune/memnode', 'cellid'),
  { path: ['numatune', 'memnode'], attributes: ['nodeset'], says: 'Missing required nodeset attribute in memnode element' },
  plain('os/boot', 'dev'),
  plain('os/firmware/feature', 'enabled'),
  plain('os/firmware/feature', 'name'),
  plain('sysinfo', 'type'),
];

/** The longest path of the table. */
export const MAX_REQUIRED_DEPTH = Math.max(...REQUIRED_ATTRIBUTES.map((entry) => entry.path.length));

/** The required attributes of an element `depth` levels below the root, matched along its ancestors. */
export function requiredAttributesOf(element: XmlElement, depth: number): RequiredAttribute[] {
  const candidates = BY_NAME.get(element.name);
  if (!candidates) return [];
  return candidates.filter((entry) => {
    if (entry.path.length !== depth) return false;
    let at: XmlElement | undefined = element;
    for (let i = entry.path.length - 1; i >= 0; i--, at = at?.parent) {
      const name = entry.path[i]!;
      if (!at || (name !== '*' && name !== at.name)) return false;
    }
    return true;
  });
}

/** The table by the element's own name: most elements have no entry at all. */
const BY_NAME = new Map<string, RequiredAttribute[]>();
for (const entry of REQUIRED_ATTRIBUTES) {
  const name = entry.path[entry.path.length - 1]!;
  const list = BY_NAME.get(name);
  if (list) list.push(entry);
  else BY_NAME.set(name, [entry]);
}
