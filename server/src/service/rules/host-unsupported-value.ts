import { type Message, messages, type Text } from '../../l10n/message';
import { DOMAIN_CAPABILITY_ENUMS } from '../domainCapabilityEnums';
import { replaceAttributeValue, replaceText } from '../edits/xmlEdits';
import type { HostDomainCapabilities } from '../hostFacts';
import { connectedHost, connectionName, domainCapabilitiesFor } from '../hostFacts';
import { domainCapabilitiesRequest } from '../hostQuestions';
import { DOCS } from '../libvirtDocs';
import type { DomainModel } from '../model/domainModel';
import { guestArch } from '../model/domainModel';
import { closest } from '../text/closest';
import { textOrTagSpan } from '../validation/spans';
import { attribute, firstChild, nameSpan, textOf, valueSpan } from '../xml/xmlTree';
import type { Rule, RuleContext } from './rule';

const M = messages('host-unsupported-value', {
  noEmulator:
    'The host of {connection} has no emulator for {arch} guests: libvirt refuses the definition ("{libvirtSays}"). It offers {arches}.',
  noMachine: '{emulator} on {connection} does not offer machine type \'{machine}\': libvirt refuses the definition ("{libvirtSays}").',
  noMachineUseAlias:
    "{emulator} on {connection} does not offer machine type '{machine}': libvirt refuses the definition (\"{libvirtSays}\"). Use '{alias}' (the host's newest of its kind).",
  useMachine: "Use machine type '{alias}'",
  theEmulator: 'the emulator',
  theEmulatorAtStart: 'The emulator',
  tooManyVcpus:
    '{vcpus} vCPUs, and machine type \'{machine}\' on {connection} takes at most {limit}: libvirt refuses the definition ("{libvirtSays}").',
  setVcpu: 'Set <vcpu> to {limit}',
  noVirtType:
    'The host of {connection} does not run {arch} guests with type=\'{type}\' (it offers {types}): libvirt refuses the definition ("{libvirtSays}").',
  noVirtTypeKvm:
    'The host of {connection} does not run {arch} guests with type=\'{type}\' (it offers {types}): libvirt refuses the definition ("{libvirtSays}"). KVM needs /dev/kvm on the host (the kvm_intel or kvm_amd module, virtualization on in the firmware).',
  emulate: "Emulate it: <domain type='qemu'>",
  refusesDefinition: 'libvirt refuses the definition ("{libvirtSays}")',
  refusesStart: 'libvirt accepts the definition but refuses to start it ("{libvirtSays}")',
  mayRefuse: 'libvirt may refuse it',
  listsNone: 'none',
  deviceValue: "{emulator} on {connection} does not support {what} '{value}' (it lists {allowed}): {verdict}.",
  deviceValueOnHost: "{emulator} on {connection} does not support {what} '{value}' (it lists {allowed}): {verdict}. To use it, {onHost}.",
  useValue: "Use {what} '{value}'",
  cpuMode:
    'The {virtType} hypervisor on {connection} does not support CPU mode \'{mode}\' for {arch} guests: libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  cpuModeEmulated:
    "The {virtType} hypervisor on {connection} does not support CPU mode '{mode}' for {arch} guests: libvirt accepts the definition but refuses to start it (\"{libvirtSays}\"). Emulated (type='qemu') guests have no host CPU to pass through: use 'maximum' or a named model.",
  useMaximum: "Use CPU mode 'maximum'",
  noCpuModel:
    '{emulator} on {connection} has no CPU model \'{model}\': libvirt accepts the definition but refuses to start it ("{libvirtSays}").',
  noCpuModelDidYouMean:
    "{emulator} on {connection} has no CPU model '{model}': libvirt accepts the definition but refuses to start it (\"{libvirtSays}\"). Did you mean '{like}'?",
  useCpuModel: "Use CPU model '{model}'",
  useHostModel: "Use mode='host-model' (this host's own CPU).",
  useHostModelNamed: "Use mode='host-model' (this host's own CPU, '{hostModel}' with its flags).",
  useHostModelOr: "Use mode='host-model' (this host's own CPU) or a model it can run, such as {models}.",
  useHostModelNamedOr: "Use mode='host-model' (this host's own CPU, '{hostModel}' with its flags) or a model it can run, such as {models}.",
  cannotProvideEmulated:
    "The host of {connection} cannot provide CPU model '{model}' (libvirt lists it usable='no' for {virtType}): libvirt starts an emulated guest anyway, and QEMU leaves out the features it cannot give — the guest sees less than '{model}'.",
  cannotProvideUnchecked:
    "The host of {connection} cannot provide CPU model '{model}' (libvirt lists it usable='no' for {virtType}): with check='none' libvirt starts the guest, and QEMU leaves out the features it cannot give — the guest sees less than '{model}'. {suggestion}",
  cannotRun:
    "The host of {connection} cannot run CPU model '{model}' (libvirt lists it usable='no'): libvirt accepts the definition but refuses to start it (\"{libvirtSays}\"). {suggestion}",
});

export const hostUnsupportedValue: Rule = {
  id: 'host-unsupported-value',
  severity: 'error',
  title: "The connection's host does not offer a value the domain uses (architecture, machine, domain type, device model, CPU)",
  explanation:
    'Each host lists what its QEMU can run (virsh capabilities: <guest><arch> with its machine types and domain ' +
    'types). A definition copied from a newer host often names a machine type this QEMU does not have ' +
    '(pc-q35-9.2 on QEMU 7.2): libvirt refuses it ("Emulator … does not support machine type"). Use the unversioned ' +
    "alias (q35, pc, virt) to get the host's newest. Each machine type takes at most so many vCPUs (pc 255, q35 288 on " +
    'QEMU 7.2): more are refused ("Maximum CPUs greater than specified machine type limit"). The host\'s domain capabilities (virsh domcapabilities) list the ' +
    'device values its emulator supports and which CPU models it can run: a value outside a list libvirt gives is ' +
    'refused at define (video model, graphics, TPM model, filesystem driver) or at start (disk bus, hostdev type, ' +
    "a CPU mode or model the host cannot provide). Where libvirt's lists are silent, nothing is said.",
  docs: DOCS.booting,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const typeElement = model.os.typeElement;
    if (!connected?.guests?.length || !typeElement) return;
    const where = connectionName(connected.connection.uri);
    const arch = guestArch(model, connected.arch);
    const offers = connected.guests.filter((guest) => guest.arch === arch && guest.osType === (typeElement.text.trim() || 'hvm'));
    const archAttribute = attribute(typeElement, 'arch');
    if (offers.length === 0) {
      if (!archAttribute) return;
      report({
        ...valueSpan(archAttribute),
        message: M.noEmulator({
          connection: where,
          arch,
          libvirtSays: `No emulator found for arch '${arch}'`,
          arches: [...new Set(connected.guests.map((guest) => guest.arch))].join(', '),
        }),
      });
      return;
    }
    const machine = attribute(typeElement, 'machine');
    const machines = [...new Set(offers.flatMap((guest) => guest.machines))];
    if (machine && !machines.includes(machine.value)) {
      const alias = machineAlias(machine.value, machines);
      const emulator = offers.find((guest) => guest.emulator)?.emulator;
      const says = `Emulator '${emulator ?? 'the emulator'}' does not support machine type '${machine.value}'`;
      const args = { emulator: emulator ?? M.theEmulator(), connection: where, machine: machine.value, libvirtSays: says };
      report({
        ...valueSpan(machine),
        message: alias ? M.noMachineUseAlias({ ...args, alias }) : M.noMachine(args),
        fixes: alias
          ? (context) => [{ title: M.useMachine({ alias }), edits: [replaceAttributeValue(machine, alias, context)], preferred: true }]
          : undefined,
      });
    }
    const limit = machine && offers.map((guest) => guest.maxCpus?.[machine.value]).find((max) => max !== undefined);
    const vcpus = model.vcpu;
    if (limit !== undefined && vcpus?.maximum !== undefined && vcpus.maximum > limit)
      report({
        ...textOrTagSpan(vcpus.element),
        message: M.tooManyVcpus({
          vcpus: vcpus.maximum,
          machine: machine!.value,
          connection: where,
          limit,
          libvirtSays: `Maximum CPUs greater than specified machine type limit ${limit}`,
        }),
        fixes: () => [{ title: M.setVcpu({ limit }), edits: [replaceText(vcpus.element, String(limit))], preferred: true }],
      });
    const request = domainCapabilitiesRequest(model, connected);
    const caps = request && domainCapabilitiesFor(connected, request);
    if (caps) {
      checkDeviceValues(model, caps, where, report);
      checkCpu(model, caps, where, report);
    }
    const type = model.type;
    const types = [...new Set(offers.flatMap((guest) => guest.domainTypes))];
    // An emulated arch with type='kvm' is arch-accel-mismatch's to explain.
    if (type && types.length && !types.includes(type.value) && !(type.value === 'kvm' && arch !== connected.arch)) {
      report({
        ...valueSpan(type),
        message: (type.value === 'kvm' ? M.noVirtTypeKvm : M.noVirtType)({
          connection: where,
          arch,
          type: type.value,
          types: types.map((t) => `'${t}'`).join(', '),
          libvirtSays: `does not support virt type '${type.value}'`,
        }),
        fixes: types.includes('qemu')
          ? (context) => [{ title: M.emulate(), edits: [replaceAttributeValue(type, 'qemu', context)] }]
          : undefined,
      });
    }
  },
};

/** The unversioned machine type of the same family (pc-q35-9.2 → q35, pc-i440fx-9.0 → pc, virt-9.0 → virt). */
function machineAlias(machine: string, machines: readonly string[]): string | undefined {
  const family = /^pc-q35-/.test(machine) ? 'q35' : /^pc-i440fx-|^pc-\d/.test(machine) ? 'pc' : /^virt-/.test(machine) ? 'virt' : undefined;
  if (family && machines.includes(family)) return family;
  return closest(machine, machines);
}

const refusedWhen = (when: 'define' | 'start', says: string): Message =>
  when === 'define' ? M.refusesDefinition({ libvirtSays: says }) : M.refusesStart({ libvirtSays: says });

/** Device values outside the emulator's lists, where libvirt refuses them. */
function checkDeviceValues(model: DomainModel, caps: HostDomainCapabilities, where: Text, report: RuleContext['report']): void {
  const emulator = caps.emulator ?? 'the emulator';
  const emulatorName = caps.emulator ?? M.theEmulator();
  for (const device of model.devices) {
    for (const checked of DOMAIN_CAPABILITY_ENUMS) {
      const refused = checked.refused;
      if (checked.device !== device.kind || !refused) continue;
      const element = checked.tag === device.kind ? device.element : firstChild(device.element, checked.tag);
      const value = element && attribute(element, checked.attribute);
      const allowed = caps.deviceEnums[checked.enum];
      if (!value || !allowed || allowed.includes(value.value) || checked.explainedElsewhere?.includes(value.value)) continue;
      const instead = checked.instead?.find((candidate) => allowed.includes(candidate));
      const onHost = refused.onHost?.(value.value);
      const says = refused.says(value.value, emulator);
      const args = {
        emulator: emulatorName,
        connection: where,
        what: checked.what,
        value: value.value,
        allowed: allowed.map((v) => `'${v}'`).join(', ') || M.listsNone(),
        verdict: says === undefined ? M.mayRefuse() : refusedWhen(refused.when, says),
      };
      report({
        ...valueSpan(value),
        // A refusal not seen here is not claimed: libvirt's lists leave the value out, nothing more is known.
        severity: says === undefined ? 'warning' : undefined,
        message: onHost ? M.deviceValueOnHost({ ...args, onHost }) : M.deviceValue(args),
        fixes: instead
          ? (context) => [
              {
                title: M.useValue({ what: checked.what, value: instead }),
                edits: [replaceAttributeValue(value, instead, context)],
                preferred: !onHost,
              },
            ]
          : undefined,
      });
    }
  }
}

/** A CPU mode the hypervisor does not support, or a named model this host cannot run: libvirt refuses the start. */
function checkCpu(model: DomainModel, caps: HostDomainCapabilities, where: Text, report: RuleContext['report']): void {
  const cpu = model.cpu.element;
  if (!cpu || !caps.cpu) return;
  const modeAttribute = attribute(cpu, 'mode');
  const modelElement = firstChild(cpu, 'model');
  const mode = modeAttribute?.value ?? (modelElement ? 'custom' : undefined);
  if (!mode) return;
  const virtType = model.type?.value ?? 'kvm';
  if (modeAttribute && caps.cpu.modes[mode] === false) {
    report({
      ...valueSpan(modeAttribute),
      message: (virtType === 'qemu' && mode === 'host-passthrough' ? M.cpuModeEmulated : M.cpuMode)({
        virtType,
        connection: where,
        mode,
        arch: caps.request.arch,
        libvirtSays: `CPU mode '${mode}' for ${caps.request.arch} ${virtType} domain on ${caps.request.arch} host is not supported by hypervisor`,
      }),
      fixes: caps.cpu.modes.maximum
        ? (context) => [{ title: M.useMaximum(), edits: [replaceAttributeValue(modeAttribute, 'maximum', context)] }]
        : undefined,
    });
    return;
  }
  const name = textOf(modelElement)?.trim();
  if (mode !== 'custom' || !modelElement || !name || !caps.cpu.models.length) return;
  const known = caps.cpu.models.find((candidate) => candidate.name === name);
  const span = modelElement.textStart >= 0 ? { start: modelElement.textStart, end: modelElement.textEnd } : nameSpan(modelElement);
  if (!known) {
    const like = closest(
      name,
      caps.cpu.models.map((candidate) => candidate.name),
    );
    const args = {
      emulator: caps.emulator ?? M.theEmulatorAtStart(),
      connection: where,
      model: name,
      libvirtSays: `Unknown CPU model ${name}`,
    };
    report({
      ...span,
      message: like ? M.noCpuModelDidYouMean({ ...args, like }) : M.noCpuModel(args),
      fixes: like
        ? () => [{ title: M.useCpuModel({ model: like }), edits: [replaceText(modelElement, like)], preferred: true }]
        : undefined,
    });
    return;
  }
  if (known.usable !== 'no') return;
  const check = attribute(cpu, 'check')?.value;
  // host-model's name is no usable named model (it is that model with the host's flags): offer the mode.
  const hostModel = caps.cpu.hostModel;
  const sameVendor = caps.cpu.models.filter((m) => m.usable === 'yes' && m.vendor === known.vendor).map((m) => m.name);
  const examples = sameVendor.slice(0, 3);
  const models = examples.map((m) => `'${m}'`).join(', ');
  const suggestion = hostModel
    ? examples.length
      ? M.useHostModelNamedOr({ hostModel, models })
      : M.useHostModelNamed({ hostModel })
    : examples.length
      ? M.useHostModelOr({ models })
      : M.useHostModel();
  // libvirt compares the model with the host CPU only for KVM (check='partial' by default); TCG starts it anyway.
  const emulated = virtType === 'qemu';
  if (emulated || check === 'none') {
    report({
      ...span,
      severity: 'warning',
      message: emulated
        ? M.cannotProvideEmulated({ connection: where, model: name, virtType })
        : M.cannotProvideUnchecked({ connection: where, model: name, virtType, suggestion }),
    });
    return;
  }
  report({
    ...span,
    message: M.cannotRun({
      connection: where,
      model: name,
      libvirtSays: 'the CPU is incompatible with host CPU: Host CPU does not provide required features',
      suggestion,
    }),
  });
}
