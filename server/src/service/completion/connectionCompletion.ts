// Values the connection's host knows: its virtual networks in <source network=''>, its storage pools and their
// volumes in <source pool='' volume=''>, the machine types its QEMU offers for the guest's architecture in
// <type machine=''>, its CPU models and emulators. Nothing without the host's facts.

import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import type { CursorContext } from '../cursorContext';
import { domainCapabilityEnumAt } from '../domainCapabilityEnums';
import { connectedHost, connectionName, domainCapabilitiesFor } from '../hostFacts';
import { domainCapabilitiesRequest } from '../hostQuestions';
import { guestArch } from '../model/domainModel';
import type { HostCompletionContext } from './hostCompletion';

type ValueContext = Extract<CursorContext, { kind: 'attribute-value' }>;
type TextContext = Extract<CursorContext, { kind: 'text' }>;

const valueItems = (
  range: HostCompletionContext['range'],
  values: readonly string[],
  detail: (value: string) => string,
): CompletionItem[] =>
  values.map((value, index) => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: detail(value),
    sortText: `0${String(index).padStart(4, '0')}`,
    preselect: index === 0,
    textEdit: { range, newText: value },
  }));

/**
 * Element text the host knows: the CPU models its hypervisor can run in <cpu><model> (usable ones first; none it
 * lists usable='no'), the emulators it has for the guest's architecture in <emulator>.
 */
export function connectionTextItems(context: TextContext, completion: HostCompletionContext): CompletionItem[] {
  const host = connectedHost(completion.host);
  if (!host) return [];
  const where = connectionName(host.connection.uri);
  const element = context.element;
  if (element.name === 'model' && element.parent?.name === 'cpu') {
    const request = domainCapabilitiesRequest(completion.model, host);
    const models = (request && domainCapabilitiesFor(host, request)?.cpu?.models) ?? [];
    const runnable = [...models.filter((m) => m.usable === 'yes'), ...models.filter((m) => m.usable === 'unknown')];
    const vendor = new Map(runnable.map((m) => [m.name, m.vendor]));
    return valueItems(
      completion.range,
      runnable.map((m) => m.name),
      (name) =>
        `CPU model ${models.find((m) => m.name === name)?.usable === 'yes' ? 'this host runs' : 'libvirt cannot judge'} on ${where}${vendor.get(name) && vendor.get(name) !== 'unknown' ? ` (${vendor.get(name)})` : ''}`,
    );
  }
  if (element.name === 'emulator' && element.parent?.name === 'devices' && host.guests) {
    const arch = guestArch(completion.model, host.arch);
    const emulators = [...new Set(host.guests.filter((guest) => guest.arch === arch && guest.emulator).map((guest) => guest.emulator!))];
    return valueItems(completion.range, emulators, () => `${arch} emulator on ${where}`);
  }
  return [];
}

export function connectionValueItems(context: ValueContext, completion: HostCompletionContext): CompletionItem[] {
  const host = connectedHost(completion.host);
  if (!host) return [];
  const where = connectionName(host.connection.uri);
  const items = (values: readonly string[], detail: (value: string) => string) => valueItems(completion.range, values, detail);
  const parent = context.parent?.name;
  if (context.tag === 'source' && context.attribute === 'network' && parent === 'interface' && host.networks) {
    return items(host.networks, () => `virtual network on ${where}`);
  }
  if (context.tag === 'source' && parent === 'disk' && host.pools) {
    if (context.attribute === 'pool')
      return items(
        host.pools.map((pool) => pool.name),
        (pool) => `storage pool on ${where}${volumes(host.pools!, pool)}`,
      );
    if (context.attribute === 'volume') {
      const pool = host.pools.find((candidate) => candidate.name === context.present.get('pool'));
      return pool?.volumes ? items(pool.volumes, () => `volume of pool '${pool.name}' on ${where}`) : [];
    }
  }
  if (context.tag === 'type' && context.attribute === 'machine' && context.parent?.name === 'os' && host.guests) {
    const arch = context.present.get('arch') ?? guestArch(completion.model, host.arch);
    const machines = [...new Set(host.guests.filter((guest) => guest.arch === arch).flatMap((guest) => guest.machines))];
    // The unversioned aliases first: they follow the host's QEMU.
    const aliases = machines.filter((machine) => !/\d/.test(machine));
    return items(
      [
        ...aliases,
        ...machines
          .filter((machine) => /\d/.test(machine))
          .sort()
          .reverse(),
      ],
      (machine) => (/\d/.test(machine) ? `offered by the QEMU of ${where}` : `alias: the newest of its kind on ${where}`),
    );
  }
  return [];
}

function volumes(pools: readonly { name: string; volumes?: readonly string[] }[], name: string): string {
  const count = pools.find((pool) => pool.name === name)?.volumes?.length;
  return count === undefined ? '' : ` (${count} volume${count === 1 ? '' : 's'})`;
}

/**
 * Enumerated values as the host's domain capabilities allow them: a value its emulator lists without is left out
 * (no bus='xen' offered on a KVM q35 guest). Where libvirt does not say, every value stays.
 */
export function filterByDomainCapabilities(
  items: CompletionItem[],
  context: ValueContext,
  completion: HostCompletionContext,
): CompletionItem[] {
  const host = connectedHost(completion.host);
  const request = host && domainCapabilitiesRequest(completion.model, host);
  const caps = request && domainCapabilitiesFor(host, request);
  if (!caps) return items;
  // The device is the tag itself (<disk device=…>) or the element it sits in (<target bus=…> in a <disk>).
  const entry = domainCapabilityEnumAt(context.tag, context.attribute, context.parent?.name);
  const allowed = entry && caps.deviceEnums[entry.enum];
  if (!allowed) return items;
  return items.filter((item) => item.kind !== CompletionItemKind.EnumMember || allowed.includes(item.label));
}
