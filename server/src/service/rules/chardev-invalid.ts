import { type Message, messages, type Text } from '../../l10n/message';
import { insertChild, removeElement, replaceElement, setAttribute } from '../edits/xmlEdits';
import type { Fix, FixContext } from '../languageTypes';
import { DOCS } from '../libvirtDocs';
import { CHAR_DEVICE_KINDS, type Machine, MODEL_TYPE, machineOf, SERIAL_ADDRESS, TARGET_TYPES, TYPE_MODEL } from '../model/chardevTargets';
import { type Device, guestArch } from '../model/domainModel';
import { CHARDEV_SOURCE_TYPES } from '../model/libvirtEnums';
import { parseIp } from '../network/ipAddress';
import { refusedAtDefine as refused } from '../refusals';
import { attribute, attributeValue, childrenNamed, firstChild, nameSpan, textOf, valueSpan, type XmlElement } from '../xml/xmlTree';
import type { Problem, Rule } from './rule';

const M = messages('chardev-invalid', {
  channelWithoutTarget: 'A <channel> without a <target>',
  addVirtioTarget: "Add <target type='virtio'/>",
  spicevmcNotVirtioChannel: "<{kind} type='spicevmc'>: the SPICE agent is a <channel> with <target type='virtio'>",
  changeToSpiceAgentTarget: "Change to <target type='virtio' name='com.redhat.spice.0'/>",
  changeToPty: "Change to type='pty'",
  isaPortOutOfRange: 'ISA serial port {port}: a PC has ports 0 to {last}',
  isaPortBeyondMax: 'A {ordinal} ISA serial port: a PC has {max}',
  first: 'first',
  second: 'second',
  third: 'third',
  nth: '{n}th',
  isaPortDuplicate: 'A second ISA serial port {port}',
  isaDebugOutsideX86: 'An isa-debug port outside an x86 guest',
  secondSource: "A second <source> in <{kind} type='{type}'>",
  thirdSource: "A third <source> in <{kind} type='udp'>",
  removeThisSource: 'Remove this <source>',
  secondChild: 'A second <{child}> in a {kind}',
  removeThisChild: 'Remove this <{child}>',
  sourceWithout: "<{kind} type='{type}'> without {what}",
  hostOnSource: 'host= on its <source>',
  serviceOnSource: 'service= (the port) on its <source>',
  masterAndSlave: 'both master= and slave= on its <source>',
  udpWithoutService: "<{kind} type='udp'> without a service= (port) to send to (a <source mode='connect'>)",
  badChannelName: "'{value}' is not a {type} channel name (letters, digits, '_', '-' and '.')",
  changeToValue: "Change to '{value}'",
  listensBind: "listens (mode='bind')",
  listensGenerated: 'listens (a socket libvirt names is one QEMU listens on)',
  reconnectWhileListening: '<reconnect> in a {kind} whose source {listens}: only a connecting client reconnects',
  removeReconnect: 'Remove <reconnect>',
  reconnectTimeoutZero: "<reconnect timeout='0'> (the seconds between attempts)",
  changeToTimeout10: "Change to timeout='10'",
  guestfwdWithoutAddress: 'A guestfwd channel without address=',
  notIpAddress: "'{value}' is not an IP address",
  guestfwdIpv6: 'A guestfwd channel on an IPv6 address',
  changeToTargetType: "Change to <target type='{type}'>",
  laterSerialConsole: 'A <console> after the first one as the serial console',
  laterUntypedConsole: 'A <console> after the first one without a target type (libvirt makes it a serial console)',
  sclpOutsideS390: "<target type='{type}'> outside an s390 guest",
  consoleTypeInQemu: '<console> of target type {type} in a QEMU guest',
  removeAddress: 'Remove the <address> (libvirt assigns one)',
  serialOnAddress: 'A serial port of target type {type} on a {address} address',
  serialWithAddress: 'A serial port of target type {type} with an <address>',
  modelOnType: 'Serial model {model} on a port of target type {type}',
  removeModel: 'Remove the <model> (libvirt picks the one of the port)',
  serialNotOnMachine: 'A serial port of target type {type} on a machine that has none',
  serialModelNotOnMachine: 'A serial port of target type {type} ({model}) on a machine that has none',
});

const SOURCE_TYPES = new Set(CHARDEV_SOURCE_TYPES);

/** The ISA serial ports of a PC (COM1 to COM4). */
const MAX_ISA_SERIAL_PORTS = 4;

const ordinal = (n: number): Message => (n === 1 ? M.first() : n === 2 ? M.second() : n === 3 ? M.third() : M.nth({ n }));

/** Characters libvirt allows in a spiceport or dbus channel name. */
const CHANNEL_NAME = /^[A-Za-z0-9_.-]*$/;

const at = (element: XmlElement, name: string) => {
  const attr = attribute(element, name);
  return attr ? valueSpan(attr) : nameSpan(element);
};

export const chardevInvalid: Rule = {
  id: 'chardev-invalid',
  severity: 'error',
  title: 'A serial port, parallel port, console or channel libvirt refuses (its source, target or machine)',
  explanation:
    "A character device's <source> must say what its type needs: a path for file, dev, pipe and unix (a virtio " +
    "channel's unix socket may go without), host= and service= for tcp, a connect service= for udp, a channel name for " +
    'spiceport; <reconnect> only in connect mode and with a timeout other than 0. A <channel> needs a <target> ' +
    '(guestfwd with an IPv4 address=), spicevmc is a virtio channel only, and only the first <console> can be the serial ' +
    "console; QEMU has no xen, uml, lxc or openvz consoles. A serial port's target type, model and address go together " +
    "(pci-serial on a PCI address, system-serial with none) and must fit the machine: pl011 is ARM virt's, spapr-vio " +
    "pSeries', sclp s390's. libvirt refuses the rest at define, each with its message (\"Missing source path attribute " +
    'for char device", "Only the first console can be a serial port"…).',
  docs: DOCS.chardevs,
  check({ model, host, report }) {
    if (model.root.name !== 'domain') return;
    const qemu = model.type?.value === 'kvm' || model.type?.value === 'qemu';
    const machine = machineOf(guestArch(model, host.arch || 'x86_64'), model.os.machine);
    const hvm = textOf(model.os.typeElement) === 'hvm';
    const problems: Problem[] = [];
    let consoles = 0;
    const isaPorts = new Set<number>();
    let isaSerials = 0;
    for (const device of model.devices) {
      if (!CHAR_DEVICE_KINDS.has(device.kind)) continue;
      const type = device.type ?? 'pty';
      const targetTypes = TARGET_TYPES[device.kind];
      const targetType = attributeValue(device.target, 'type');
      // A target type libvirt does not know is the enumeration rule's to report.
      const knownTarget = !targetType || !targetTypes || targetTypes.includes(targetType);
      if (SOURCE_TYPES.has(type)) checkSource(device, type, qemu, problems);
      if (device.kind === 'channel' && !device.target)
        problems.push({
          ...nameSpan(device.element),
          message: refused(M.channelWithoutTarget(), 'target type must be specified for channel device'),
          fixes: (context) => [
            {
              title: M.addVirtioTarget(),
              edits: [insertChild(device.element, { name: 'target', attributes: [['type', 'virtio']] }, context)],
              preferred: true,
            },
          ],
        });
      else if (device.kind === 'channel' && targetType === 'guestfwd') checkGuestfwd(device.target!, problems);
      if (type === 'spicevmc' && knownTarget && !spicevmcAllowed(device.kind, targetType))
        problems.push({
          ...nameSpan(device.element),
          message: refused(M.spicevmcNotVirtioChannel({ kind: device.kind }), 'spicevmc device type only supports virtio'),
          fixes: (context) =>
            device.kind === 'channel' && device.target
              ? [
                  {
                    title: M.changeToSpiceAgentTarget(),
                    edits: [
                      replaceElement(
                        device.target,
                        {
                          name: 'target',
                          attributes: [
                            ['type', 'virtio'],
                            ['name', 'com.redhat.spice.0'],
                          ],
                        },
                        context,
                      ),
                    ],
                    preferred: true,
                  },
                ]
              : [{ title: M.changeToPty(), edits: [setAttribute(device.element, 'type', 'pty', context)], preferred: true }],
        });
      if (device.kind === 'console') {
        if (knownTarget) checkConsole(device, targetType, consoles, { qemu, hvm, s390: machine.s390 }, problems);
        consoles++;
      }
      if (device.kind === 'serial' && knownTarget) checkSerial(device, targetType, machine, qemu, problems);
      // libvirt counts the ports written as isa-serial, before it gives the others their type.
      if (device.kind === 'serial' && targetType === 'isa-serial') {
        const portAttribute = attribute(device.target!, 'port');
        const port = portAttribute && /^\d+$/.test(portAttribute.value) ? Number(portAttribute.value) : undefined;
        const span = portAttribute ? valueSpan(portAttribute) : nameSpan(device.element);
        if (++isaSerials > MAX_ISA_SERIAL_PORTS || (port !== undefined && port >= MAX_ISA_SERIAL_PORTS))
          problems.push({
            ...span,
            message: refused(
              port !== undefined && port >= MAX_ISA_SERIAL_PORTS
                ? M.isaPortOutOfRange({ port, last: MAX_ISA_SERIAL_PORTS - 1 })
                : M.isaPortBeyondMax({ ordinal: ordinal(isaSerials), max: MAX_ISA_SERIAL_PORTS }),
              `Maximum supported number of ISA serial ports is '${MAX_ISA_SERIAL_PORTS}'`,
            ),
          });
        else if (port !== undefined && isaPorts.has(port))
          problems.push({
            ...span,
            message: refused(M.isaPortDuplicate({ port }), `target port '${port}' already allocated`),
          });
        if (port !== undefined) isaPorts.add(port);
      }
      if (device.kind === 'serial' && targetType === 'isa-debug' && !machine.x86)
        problems.push({
          ...at(device.target!, 'type'),
          message: refused(M.isaDebugOutsideX86(), 'isa-debug serial type only valid on x86 architecture'),
        });
    }
    problems.sort((a, b) => a.start - b.start);
    for (const problem of problems) report(problem);
  },
};

/** Whether libvirt takes a spicevmc device with this target: it compares the target type's number with virtio's. */
function spicevmcAllowed(kind: string, targetType: string | undefined): boolean {
  if (kind === 'channel') return targetType === 'virtio';
  // A serial usb-serial and a console xen share virtio's number in their enumerations.
  return (kind === 'serial' && targetType === 'usb-serial') || (kind === 'console' && targetType === 'xen');
}

function checkSource(device: Device, type: string, qemu: boolean, problems: Problem[]): void {
  const { element, kind } = device;
  const sources = childrenNamed(element, 'source');
  if (sources.length > 1 && type !== 'udp')
    problems.push({
      ...nameSpan(sources[1]!),
      message: refused(M.secondSource({ kind, type }), 'only one source element is allowed for character device'),
      fixes: (context) => [{ title: M.removeThisSource(), edits: [removeElement(sources[1]!, context)], preferred: true }],
    });
  else if (sources.length > 2)
    problems.push({
      ...nameSpan(sources[2]!),
      message: refused(M.thirdSource({ kind }), 'only two source elements are allowed for character device'),
      fixes: (context) => [{ title: M.removeThisSource(), edits: [removeElement(sources[2]!, context)], preferred: true }],
    });
  for (const child of ['log', 'protocol']) {
    const extra = childrenNamed(element, child)[1];
    if (extra)
      problems.push({
        ...nameSpan(extra),
        message: refused(M.secondChild({ child, kind }), `only one ${child} element is allowed for character device`),
        fixes: (context) => [{ title: M.removeThisChild({ child }), edits: [removeElement(extra, context)], preferred: true }],
      });
  }
  const source = sources[0];
  const where = source ? nameSpan(source) : nameSpan(element);
  const missing = (what: Text, says: string) => problems.push({ ...where, message: refused(M.sourceWithout({ kind, type, what }), says) });
  switch (type) {
    case 'file':
    case 'dev':
    case 'pipe':
      if (!source || !attribute(source, 'path')) missing('<source path=…>', 'Missing source path attribute for char device');
      break;
    case 'unix': {
      const path = source && attribute(source, 'path');
      const generated = kind === 'channel' && ['virtio', 'xen'].includes(attributeValue(device.target, 'type') ?? '');
      if (!path && !generated) missing('<source path=…>', 'Missing source path attribute for char device');
      // A unix socket whose path libvirt generates is one QEMU listens on.
      const listens = attributeValue(source, 'mode') === 'bind' ? M.listensBind() : !path ? M.listensGenerated() : undefined;
      checkReconnect(source, kind, listens, qemu, problems);
      break;
    }
    case 'tcp':
      if (!source || !attribute(source, 'host')) missing(M.hostOnSource(), 'Missing source host attribute for char device');
      else if (!attribute(source, 'service')) missing(M.serviceOnSource(), 'Missing source service attribute for char device');
      checkReconnect(source, kind, attributeValue(source, 'mode') === 'bind' ? M.listensBind() : undefined, qemu, problems);
      break;
    case 'udp': {
      // The first <source> in connect mode (the default) is where packets go; bind mode is optional.
      const connect = sources.slice(0, 2).find((s) => (attributeValue(s, 'mode') ?? 'connect') === 'connect');
      if (!connect || !attribute(connect, 'service'))
        problems.push({
          ...(connect ? nameSpan(connect) : where),
          message: refused(M.udpWithoutService({ kind }), 'Missing source service attribute for char device'),
        });
      break;
    }
    case 'spiceport':
    case 'dbus': {
      const channel = source && attribute(source, 'channel');
      if (!channel) missing('<source channel=…>', 'Missing source channel attribute for char device');
      else if (!CHANNEL_NAME.test(channel.value))
        problems.push({
          ...valueSpan(channel),
          message: refused(M.badChannelName({ value: channel.value, type }), 'Invalid character in source channel for char device'),
          fixes: (context) => {
            const name = channel.value.replace(/[^A-Za-z0-9_.-]/g, '_');
            return [{ title: M.changeToValue({ value: name }), edits: [setAttribute(source, 'channel', name, context)], preferred: true }];
          },
        });
      break;
    }
    case 'nmdm':
      if (source && !attribute(source, 'master') !== !attribute(source, 'slave'))
        missing(M.masterAndSlave(), 'Should define both master and slave path attributes for nmdm device');
      break;
  }
}

function checkReconnect(
  source: XmlElement | undefined,
  kind: string,
  listens: Message | undefined,
  qemu: boolean,
  problems: Problem[],
): void {
  const reconnect = firstChild(source, 'reconnect');
  const enabled = reconnect && attribute(reconnect, 'enabled');
  if (!reconnect || !enabled || !['yes', 'no'].includes(enabled.value)) return;
  // libvirt asks whether enabled= was given at all: enabled='no' in bind mode is refused too.
  if (listens)
    problems.push({
      ...nameSpan(reconnect),
      message: refused(M.reconnectWhileListening({ kind, listens }), 'chardev reconnect is possible only for connect mode'),
      fixes: (context) => [{ title: M.removeReconnect(), edits: [removeElement(reconnect, context)], preferred: true }],
    });
  const timeout = attribute(reconnect, 'timeout');
  if (qemu && enabled.value === 'yes' && timeout && /^\s*\+?0+\s*$/.test(timeout.value))
    problems.push({
      ...valueSpan(timeout),
      message: refused(M.reconnectTimeoutZero(), "chardev reconnect source timeout cannot be '0'"),
      fixes: (context) => [{ title: M.changeToTimeout10(), edits: [setAttribute(reconnect, 'timeout', '10', context)], preferred: true }],
    });
}

function checkGuestfwd(target: XmlElement, problems: Problem[]): void {
  const address = attribute(target, 'address');
  if (!address) {
    problems.push({
      ...nameSpan(target),
      message: refused(M.guestfwdWithoutAddress(), 'guestfwd channel does not define a target address'),
    });
    return;
  }
  const value = address.value;
  // getaddrinfo takes a scoped IPv6 address (fe80::1%eth0) too: left alone.
  if (value.includes('%')) return;
  const parsed = parseIp(value);
  if (!parsed)
    problems.push({
      ...valueSpan(address),
      message: refused(M.notIpAddress({ value }), `Cannot parse socket address '${value}'`),
    });
  else if (parsed.family === 'ipv6')
    problems.push({
      ...valueSpan(address),
      message: refused(M.guestfwdIpv6(), 'guestfwd channel only supports IPv4 addresses'),
    });
}

interface ConsoleContext {
  readonly qemu: boolean;
  readonly hvm: boolean;
  readonly s390: boolean;
}

function checkConsole(device: Device, targetType: string | undefined, index: number, domain: ConsoleContext, problems: Problem[]): void {
  const type = targetType ?? 'none';
  const span = device.target ? at(device.target, 'type') : nameSpan(device.element);
  const toVirtio = (context: FixContext): Fix[] => [
    {
      title: M.changeToTargetType({ type: 'virtio' }),
      edits: [
        device.target
          ? setAttribute(device.target, 'type', 'virtio', context)
          : insertChild(device.element, { name: 'target', attributes: [['type', 'virtio']] }, context),
      ],
      preferred: true,
    },
  ];
  // libvirt makes a console without a target type a serial console.
  if (index > 0 && (type === 'serial' || type === 'none')) {
    problems.push({
      ...span,
      message: refused(targetType ? M.laterSerialConsole() : M.laterUntypedConsole(), 'Only the first console can be a serial port'),
      fixes: toVirtio,
    });
    return;
  }
  if (!domain.qemu) return;
  // The first console of a full virtualised guest without a target type, or with type='serial', is the first serial port.
  if (index === 0 && domain.hvm && (type === 'none' || type === 'serial')) return;
  if (type === 'virtio' || type === 'serial') return;
  if (type === 'sclp' || type === 'sclplm') {
    if (!domain.s390)
      problems.push({
        ...span,
        message: refused(M.sclpOutsideS390({ type }), `${type}console is not supported in this QEMU binary`),
        fixes: toVirtio,
      });
    return;
  }
  if (type === 'none') return;
  problems.push({
    ...span,
    message: refused(M.consoleTypeInQemu({ type }), `unsupported console target type ${type}`),
    fixes: toVirtio,
  });
}

function checkSerial(device: Device, targetType: string | undefined, machine: Machine, qemu: boolean, problems: Problem[]): void {
  const target = device.target;
  const address = device.address;
  const addressType = address && attribute(address.element, 'type');
  const removeAddress = (context: FixContext): Fix[] =>
    address ? [{ title: M.removeAddress(), edits: [removeElement(address.element, context)], preferred: true }] : [];
  // The parser's own check, on the target type as written.
  if (targetType === 'usb-serial' && addressType && addressType.value !== 'usb') {
    problems.push({
      ...valueSpan(addressType),
      message: refused(M.serialOnAddress({ type: 'usb-serial', address: addressType.value }), 'usb-serial requires address of usb type'),
      fixes: removeAddress,
    });
    return;
  }
  if (!qemu || !machine.known) return;
  const modelElement = firstChild(target, 'model');
  const modelAttribute = modelElement && attribute(modelElement, 'name');
  const modelName = modelAttribute?.value;
  if (modelName !== undefined && !(modelName in MODEL_TYPE)) return;
  // The serial target type of the machine: libvirt picks it by architecture and machine (the traits exclude each other).
  const native = machine.x86
    ? 'isa-serial'
    : machine.armVirt || machine.riscvVirt
      ? 'system-serial'
      : machine.pseries
        ? 'spapr-vio-serial'
        : machine.s390
          ? 'sclp-serial'
          : undefined;
  // What libvirt makes of it: isa-serial is the default, which it replaces by the machine's own type.
  const type = targetType === undefined || targetType === 'isa-serial' ? (native ?? 'none') : targetType;
  const model =
    modelName ??
    TYPE_MODEL[type] ??
    (type === 'system-serial' ? (machine.armVirt ? 'pl011' : machine.riscvVirt ? '16550a' : undefined) : undefined);
  const typeSpan = target ? at(target, 'type') : nameSpan(device.element);
  if (addressType && type in SERIAL_ADDRESS) {
    const expected = SERIAL_ADDRESS[type];
    if (expected === null)
      problems.push({
        ...valueSpan(addressType),
        message: refused(M.serialWithAddress({ type }), `Target type '${type}' cannot have an associated address`),
        fixes: removeAddress,
      });
    else if (expected !== addressType.value)
      problems.push({
        ...valueSpan(addressType),
        message: refused(
          M.serialOnAddress({ type, address: addressType.value }),
          `Target type '${type}' requires address type '${expected}'`,
        ),
        fixes: removeAddress,
      });
  }
  if (modelElement && modelAttribute && MODEL_TYPE[modelAttribute.value] !== type) {
    problems.push({
      ...valueSpan(modelAttribute),
      message: refused(
        M.modelOnType({ model: modelAttribute.value, type }),
        `Target model '${modelName}' requires target type '${MODEL_TYPE[modelAttribute.value]}'`,
      ),
      fixes: (context) => [{ title: M.removeModel(), edits: [removeElement(modelElement, context)], preferred: true }],
    });
    return;
  }
  const incompatible =
    (type === 'system-serial' && ((model === 'pl011' && !machine.armVirt) || (model === '16550a' && !machine.riscvVirt))) ||
    (!machine.pseries && (type === 'spapr-vio-serial' || model === 'spapr-vty')) ||
    (!machine.s390 && (type === 'sclp-serial' || model === 'sclpconsole' || model === 'sclplmconsole'));
  if (incompatible)
    problems.push({
      ...typeSpan,
      message: refused(
        model ? M.serialModelNotOnMachine({ type, model }) : M.serialNotOnMachine({ type }),
        `Serial device with target type '${type}' and target model '${model ?? 'none'}' not compatible with guest architecture or machine type`,
      ),
      fixes:
        target && attribute(target, 'type') && native
          ? (context) => [
              {
                title: M.changeToTargetType({ type: native }),
                edits: [setAttribute(target, 'type', native, context), ...(modelElement ? [removeElement(modelElement, context)] : [])],
                preferred: true,
              },
            ]
          : undefined,
    });
}
