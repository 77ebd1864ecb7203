import { DOMAIN_CAPABILITY_ENUMS } from '../domainCapabilityEnums';
import { replaceAttributeValue } from '../edits/xmlEdits';
import { connectedHost, connectionName, domainCapabilitiesFor } from '../hostFacts';
import { domainCapabilitiesRequest } from '../hostQuestions';
import { DOCS } from '../libvirtDocs';
import { guestArch } from '../model/domainModel';
import { closest } from '../text/closest';
import { attribute, firstChild, valueSpan } from '../xml/xmlTree';
import type { Rule } from './rule';

export const hostUnsupportedValue: Rule = {
  id: 'host-unsupported-value',
  severity: 'error',
  title: "The connection's host does not offer the domain's architecture, machine type or domain type",
  explanation:
    'Each host lists what its QEMU can run (virsh capabilities: <guest><arch> with its machine types and domain ' +
    'types). A definition copied from a newer host often names a machine type this QEMU does not have ' +
    '(pc-q35-9.2 on QEMU 7.2): libvirt refuses it ("Emulator … does not support machine type"). Use the unversioned ' +
    "alias (q35, pc, virt) to get the host's newest.",
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
    const request = domainCapabilitiesRequest(model, connected);
    const caps = request && domainCapabilitiesFor(connected, request);
    if (caps) {
      // The device values libvirt refuses at define when the emulator does not list them.
      for (const device of model.devices) {
        for (const checked of DOMAIN_CAPABILITY_ENUMS) {
          if (checked.device !== device.kind || !checked.refusedAtDefine) continue;
          const element = checked.tag === device.kind ? device.element : firstChild(device.element, checked.tag);
          const value = element && attribute(element, checked.attribute);
          const allowed = caps.deviceEnums[checked.enum];
          if (!value || !allowed || allowed.includes(value.value)) continue;
          const instead = checked.instead?.find((candidate) => allowed.includes(candidate));
          report({
            ...valueSpan(value),
            message: `${caps.emulator ?? 'The emulator'} on ${where} does not support ${checked.what} '${value.value}' (it lists ${allowed.map((v) => `'${v}'`).join(', ')}): libvirt refuses the definition ("${checked.refusedAtDefine(value.value)}").`,
            fixes: instead
              ? (context) => [
                  { title: `Use ${checked.what} '${instead}'`, edits: [replaceAttributeValue(value, instead, context)], preferred: true },
                ]
              : undefined,
          });
        }
      }
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
