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
        message:
          `The host of ${where} has no emulator for ${arch} guests: libvirt refuses the definition ("No emulator found for arch '${arch}'"). ` +
          `It offers ${[...new Set(connected.guests.map((guest) => guest.arch))].join(', ')}.`,
      });
      return;
    }
    const machine = attribute(typeElement, 'machine');
    const machines = [...new Set(offers.flatMap((guest) => guest.machines))];
    if (machine && !machines.includes(machine.value)) {
      const alias = machineAlias(machine.value, machines);
      const emulator = offers.find((guest) => guest.emulator)?.emulator ?? 'the emulator';
      report({
        ...valueSpan(machine),
        message:
          `${emulator} on ${where} does not offer machine type '${machine.value}': libvirt refuses the definition ` +
          `("Emulator '${emulator}' does not support machine type '${machine.value}'").${alias ? ` Use '${alias}' (the host's newest of its kind).` : ''}`,
        fixes: alias
          ? (context) => [
              { title: `Use machine type '${alias}'`, edits: [replaceAttributeValue(machine, alias, context)], preferred: true },
            ]
          : undefined,
      });
    }
    const limit = machine && offers.map((guest) => guest.maxCpus?.[machine.value]).find((max) => max !== undefined);
    const vcpus = model.vcpu;
    if (limit !== undefined && vcpus?.maximum !== undefined && vcpus.maximum > limit)
      report({
        ...textOrTagSpan(vcpus.element),
        message:
          `${vcpus.maximum} vCPUs, and machine type '${machine!.value}' on ${where} takes at most ${limit}: libvirt refuses ` +
          `the definition ("Maximum CPUs greater than specified machine type limit ${limit}").`,
        fixes: () => [{ title: `Set <vcpu> to ${limit}`, edits: [replaceText(vcpus.element, String(limit))], preferred: true }],
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
        message:
          `The host of ${where} does not run ${arch} guests with type='${type.value}' (it offers ${types.map((t) => `'${t}'`).join(', ')}): ` +
          `libvirt refuses the definition ("does not support virt type '${type.value}'").${type.value === 'kvm' ? ' KVM needs /dev/kvm on the host (the kvm_intel or kvm_amd module, virtualization on in the firmware).' : ''}`,
        fixes: types.includes('qemu')
          ? (context) => [{ title: "Emulate it: <domain type='qemu'>", edits: [replaceAttributeValue(type, 'qemu', context)] }]
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

const refusedWhen = (when: 'define' | 'start', says: string) =>
  when === 'define' ? `libvirt refuses the definition ("${says}")` : `libvirt accepts the definition but refuses to start it ("${says}")`;

/** Device values outside the emulator's lists, where libvirt refuses them. */
function checkDeviceValues(model: DomainModel, caps: HostDomainCapabilities, where: string, report: RuleContext['report']): void {
  const emulator = caps.emulator ?? 'the emulator';
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
      report({
        ...valueSpan(value),
        // A refusal not seen here is not claimed: libvirt's lists leave the value out, nothing more is known.
        severity: says === undefined ? 'warning' : undefined,
        message:
          `${emulator} on ${where} does not support ${checked.what} '${value.value}' (it lists ${allowed.map((v) => `'${v}'`).join(', ') || 'none'}): ` +
          `${says === undefined ? 'libvirt may refuse it' : refusedWhen(refused.when, says)}.${onHost ? ` To use it, ${onHost}.` : ''}`,
        fixes: instead
          ? (context) => [
              { title: `Use ${checked.what} '${instead}'`, edits: [replaceAttributeValue(value, instead, context)], preferred: !onHost },
            ]
          : undefined,
      });
    }
  }
}

/** A CPU mode the hypervisor does not support, or a named model this host cannot run: libvirt refuses the start. */
function checkCpu(model: DomainModel, caps: HostDomainCapabilities, where: string, report: RuleContext['report']): void {
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
      message:
        `The ${virtType} hypervisor on ${where} does not support CPU mode '${mode}' for ${caps.request.arch} guests: ` +
        `${refusedWhen('start', `CPU mode '${mode}' for ${caps.request.arch} ${virtType} domain on ${caps.request.arch} host is not supported by hypervisor`)}.` +
        (virtType === 'qemu' && mode === 'host-passthrough'
          ? " Emulated (type='qemu') guests have no host CPU to pass through: use 'maximum' or a named model."
          : ''),
      fixes: caps.cpu.modes.maximum
        ? (context) => [{ title: "Use CPU mode 'maximum'", edits: [replaceAttributeValue(modeAttribute, 'maximum', context)] }]
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
    report({
      ...span,
      message: `${caps.emulator ?? 'The emulator'} on ${where} has no CPU model '${name}': ${refusedWhen('start', `Unknown CPU model ${name}`)}.${like ? ` Did you mean '${like}'?` : ''}`,
      fixes: like ? () => [{ title: `Use CPU model '${like}'`, edits: [replaceText(modelElement, like)], preferred: true }] : undefined,
    });
    return;
  }
  if (known.usable !== 'no') return;
  const check = attribute(cpu, 'check')?.value;
  // host-model's name is no usable named model (it is that model with the host's flags): offer the mode.
  const hostModel = caps.cpu.hostModel;
  const sameVendor = caps.cpu.models.filter((m) => m.usable === 'yes' && m.vendor === known.vendor).map((m) => m.name);
  const examples = sameVendor.slice(0, 3);
  const suggestion =
    ` Use mode='host-model' (this host's own CPU${hostModel ? `, '${hostModel}' with its flags` : ''})` +
    (examples.length ? ` or a model it can run, such as ${examples.map((m) => `'${m}'`).join(', ')}.` : '.');
  // libvirt compares the model with the host CPU only for KVM (check='partial' by default); TCG starts it anyway.
  const emulated = virtType === 'qemu';
  if (emulated || check === 'none') {
    report({
      ...span,
      severity: 'warning',
      message:
        `The host of ${where} cannot provide CPU model '${name}' (libvirt lists it usable='no' for ${virtType}): ` +
        `${emulated ? 'libvirt starts an emulated guest anyway' : "with check='none' libvirt starts the guest"}, and QEMU leaves out the features it cannot give — the guest sees less than '${name}'.` +
        (emulated ? '' : suggestion),
    });
    return;
  }
  report({
    ...span,
    message: `The host of ${where} cannot run CPU model '${name}' (libvirt lists it usable='no'): ${refusedWhen('start', 'the CPU is incompatible with host CPU: Host CPU does not provide required features')}.${suggestion}`,
  });
}
