import { messages } from '../../l10n/message';
import { insertChild, setAttribute } from '../edits/xmlEdits';
import { DOCS } from '../libvirtDocs';
import { nextFreeTarget } from '../model/diskNames';
import type { Device } from '../model/domainModel';
import { MAX_REQUIRED_DEPTH, requiredAttributesOf } from '../model/requiredAttributes';
import { tagSpan } from '../validation/spans';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, textOf, type XmlElement } from '../xml/xmlTree';
import type { Rule, RuleContext } from './rule';

const M = messages('required-part-missing', {
  noName: 'The domain has no <name>: libvirt refuses the definition ("{libvirtSays}").',
  noDomainType: "<domain> has no type=: libvirt refuses the definition (\"{libvirtSays}\"). Use type='kvm' (or type='qemu' to emulate).",
  addKvm: "Add type='kvm'",
  addQemu: "Add type='qemu' (emulated)",
  noOsType: 'The domain has no <os><type>: libvirt refuses the definition ("{libvirtSays}").',
  addOsType: "Add <type arch='{arch}'>hvm</type>",
  addOsTypeWithMachine: "Add <type arch='{arch}' machine='{machine}'>hvm</type>",
  noMemory: 'The domain has no memory: libvirt refuses the definition ("{libvirtSays}").',
  noAttribute: '<{element}> has no {attribute}=: libvirt refuses the definition ("{libvirtSays}").',
  noAttributeOfAlternatives: '<{element}> has no {others} or {last}=: libvirt refuses the definition ("{libvirtSays}").',
  noClockAttribute: '<clock offset=\'{offset}\'> has no {attribute}=: libvirt refuses the definition ("{libvirtSays}").',
  addBalloonVirtio: "Add model='virtio'",
  addBalloonNone: "Add model='none' (no balloon)",
  noHostdevSource: '<hostdev> has no <source>: libvirt refuses the definition ("{libvirtSays}").',
  noDiskTarget: 'The disk has no <target dev>: libvirt refuses the definition ("{libvirtSays}").',
  addDiskTarget: "Add <target dev='{dev}' bus='{bus}'/>",
  noHostName: 'The <host> has no name=: libvirt refuses the definition ("{libvirtSays}").',
  noAuthSecret: 'The <auth> has no <secret>: libvirt refuses the definition ("{libvirtSays}").',
  noAddressTypeLike:
    '<address> has no type=: libvirt refuses the definition ("{libvirtSays}"). Its attributes are those of a {type} address.',
  addAddressType: "Add type='{type}'",
});

/** The machine type a new <os><type> gets for the host's architecture. */
const MACHINES: Readonly<Record<string, string>> = { x86_64: 'q35', i686: 'q35', aarch64: 'virt', armv7l: 'virt', riscv64: 'virt' };

export const requiredPartMissing: Rule = {
  id: 'required-part-missing',
  severity: 'error',
  title: 'A part libvirt requires is missing (name, domain or pool type, OS type, memory, volume capacity, a disk target…)',
  explanation:
    'libvirt refuses a definition without a <name>, without type= on <domain>, without <os><type>, without memory ' +
    '(<memory> or NUMA cells), a disk without <target dev>, a <memballoon> without model=, an <address> without ' +
    'type= or a <hostdev> without <source> — each with its own message at define; a network without <name>, a ' +
    'storage pool without type= or <name>, a volume without <name> or <capacity> likewise. The schema does not say ' +
    "all of this (several are enforced by libvirt’s parser, not its grammar). A <clock offset='absolute'> needs " +
    "start= and offset='timezone' timezone=; a network disk's <host> a name=, its <auth> a <secret>.",
  docs: DOCS.overview,
  check({ model, host, report }) {
    const root = model.root;
    if (!model.name) {
      report({ ...nameSpan(root), message: M.noName({ libvirtSays: 'missing name information' }) });
    }
    const typeAttribute = attribute(root, 'type');
    if (!typeAttribute) {
      report({
        ...nameSpan(root),
        message: M.noDomainType({ libvirtSays: 'missing domain type attribute' }),
        fixes: (context) => [
          { title: M.addKvm(), edits: [setAttribute(root, 'type', 'kvm', context)], preferred: true },
          { title: M.addQemu(), edits: [setAttribute(root, 'type', 'qemu', context)] },
        ],
      });
    }
    const os = model.os.element;
    if (!model.os.typeElement || !textOf(model.os.typeElement)) {
      const arch = host.arch || 'x86_64';
      const machine = MACHINES[arch];
      const type = {
        name: 'type',
        attributes: [['arch', arch], ...(machine ? [['machine', machine] as const] : [])] as const,
        text: 'hvm',
      };
      report({
        ...(os ? nameSpan(os) : nameSpan(root)),
        message: M.noOsType({ libvirtSays: 'an os <type> must be specified' }),
        fixes: (context) => [
          {
            title: machine ? M.addOsTypeWithMachine({ arch, machine }) : M.addOsType({ arch }),
            edits: [
              os && !model.os.typeElement
                ? insertChild(os, type, context, os.children[0])
                : insertChild(root, { name: 'os', children: [type] }, context, firstChild(root, 'devices')),
            ],
            preferred: true,
          },
        ],
      });
    }
    const cells = childrenNamed(firstChild(model.cpu.element, 'numa'), 'cell');
    // <memory>0</memory> is no memory to libvirt either.
    const zero = model.memory !== undefined && 'bytes' in model.memory.size && model.memory.size.bytes === 0;
    if ((!model.memory || zero) && !cells.some((cell) => attributeValue(cell, 'memory'))) {
      report({
        ...nameSpan(root),
        message: M.noMemory({ libvirtSays: 'Memory size must be specified via <memory> or in the <numa> configuration' }),
      });
    }
    checkClock(firstChild(root, 'clock'), report);
    checkRequiredAttributes(root, report);
    for (const device of model.devices) checkDevice(device, model, report);
  },
};

/** Every element below the root against libvirt's required attributes (the table in model/requiredAttributes). */
function checkRequiredAttributes(root: XmlElement, report: RuleContext['report']): void {
  // The table's paths are short: no deeper element can match (and a deeply nested document costs nothing).
  const stack: Array<{ element: XmlElement; depth: number }> = [{ element: root, depth: 0 }];
  while (stack.length) {
    const { element, depth } = stack.pop()!;
    for (const child of element.children) {
      for (const entry of requiredAttributesOf(child, depth + 1)) {
        if (entry.attributes.some((name) => attribute(child, name)) || (entry.when && !entry.when(child))) continue;
        const names = entry.attributes;
        const last = names[names.length - 1]!;
        const others = names.slice(0, -1).map((name) => `${name}=`);
        const message = others.length
          ? M.noAttributeOfAlternatives({ element: child.name, others: others.join(', '), last, libvirtSays: entry.says })
          : M.noAttribute({ element: child.name, attribute: last, libvirtSays: entry.says });
        report({ ...nameSpan(child), message });
      }
      if (child.children.length && depth + 1 < MAX_REQUIRED_DEPTH) stack.push({ element: child, depth: depth + 1 });
    }
  }
}

/** A clock's offset needs its own attribute: start= for absolute, timezone= for timezone. */
function checkClock(clock: XmlElement | undefined, report: RuleContext['report']): void {
  const offset = attributeValue(clock, 'offset');
  const needed = offset === 'absolute' ? 'start' : offset === 'timezone' ? 'timezone' : undefined;
  if (!clock || !needed || attribute(clock, needed)) return;
  report({
    ...nameSpan(clock),
    message: M.noClockAttribute({
      offset: offset!,
      attribute: needed,
      libvirtSays: `missing '${needed}' attribute for clock with offset='${offset}'`,
    }),
  });
}

function checkDevice(device: Device, model: RuleContext['model'], report: RuleContext['report']): void {
  const element = device.element;
  if (device.kind === 'memballoon' && !attribute(element, 'model')) {
    report({
      ...nameSpan(element),
      message: M.noAttribute({
        element: 'memballoon',
        attribute: 'model',
        libvirtSays: "Missing required attribute 'model' in element 'memballoon'",
      }),
      fixes: (context) => [
        { title: M.addBalloonVirtio(), edits: [setAttribute(element, 'model', 'virtio', context)], preferred: true },
        { title: M.addBalloonNone(), edits: [setAttribute(element, 'model', 'none', context)] },
      ],
    });
  }
  if (device.kind === 'hostdev' && attributeValue(element, 'mode') !== 'capabilities' && !device.source) {
    report({
      ...nameSpan(element),
      message: M.noHostdevSource({ libvirtSays: 'Missing <source> element in hostdev device' }),
    });
  }
  if (device.kind === 'disk' && !attributeValue(device.target, 'dev')) {
    const source = device.source;
    const where = source && (attributeValue(source, 'file') ?? attributeValue(source, 'dev') ?? attributeValue(source, 'name'));
    const bus = attributeValue(device.target, 'bus') ?? 'virtio';
    report({
      ...(device.target ? tagSpan(device.target) : nameSpan(element)),
      message: M.noDiskTarget({ libvirtSays: `missing target information for device${where ? ` ${where}` : ''}` }),
      fixes: (context) => {
        const dev = nextFreeTarget(model, bus, device);
        return [
          {
            title: M.addDiskTarget({ dev, bus }),
            edits: [
              device.target
                ? setAttribute(device.target, 'dev', dev, context)
                : insertChild(
                    element,
                    {
                      name: 'target',
                      attributes: [
                        ['dev', dev],
                        ['bus', bus],
                      ],
                    },
                    context,
                  ),
            ],
            preferred: true,
          },
        ];
      },
    });
  }
  const address = firstChild(element, 'address');
  if (address && !attribute(address, 'type')) checkAddress(address, report);
  if (device.kind === 'disk' && device.source) checkNetworkSource(device.source, report);
}

/** A network disk's hosts need a name (a socket for the unix transport), its <auth> a <secret>. */
function checkNetworkSource(source: XmlElement, report: RuleContext['report']): void {
  for (const host of childrenNamed(source, 'host')) {
    if (attributeValue(host, 'transport') === 'unix' || attribute(host, 'name')) continue;
    report({ ...nameSpan(host), message: M.noHostName({ libvirtSays: 'missing name for host' }) });
  }
  const auth = firstChild(source, 'auth');
  if (auth && !firstChild(auth, 'secret'))
    report({
      ...nameSpan(auth),
      message: M.noAuthSecret({ libvirtSays: 'Missing <secret> element in auth' }),
    });
}

function checkAddress(address: XmlElement, report: RuleContext['report']): void {
  // What its other attributes say it is: a PCI slot, or a drive's controller/bus/unit.
  const type = attribute(address, 'slot') || attribute(address, 'function') ? 'pci' : attribute(address, 'unit') ? 'drive' : undefined;
  report({
    ...nameSpan(address),
    message: type
      ? M.noAddressTypeLike({ libvirtSays: 'No type specified for device address', type })
      : M.noAttribute({ element: 'address', attribute: 'type', libvirtSays: 'No type specified for device address' }),
    fixes: type
      ? (context) => [{ title: M.addAddressType({ type }), edits: [setAttribute(address, 'type', type, context)], preferred: true }]
      : undefined,
  });
}
