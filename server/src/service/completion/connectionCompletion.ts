// Values the connection's host knows: its virtual networks in <source network=''>, its storage pools and their
// volumes in <source pool='' volume=''>, the machine types its QEMU offers for the guest's architecture in
// <type machine=''>, its CPU models and emulators. Nothing without the host's facts.

import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import { type Message, messages, type Text } from '../../l10n/message';
import { render } from '../../l10n/render';
import type { CursorContext } from '../cursorContext';
import { domainCapabilityEnumAt } from '../domainCapabilityEnums';
import { connectedHost, connectionName, domainCapabilitiesFor } from '../hostFacts';
import { domainCapabilitiesRequest } from '../hostQuestions';
import { guestArch } from '../model/domainModel';
import type { HostCompletionContext } from './hostCompletion';

const M = messages('completion', {
  cpuModelRuns: 'CPU model this host runs on {connection}',
  cpuModelRunsVendor: 'CPU model this host runs on {connection} ({vendor})',
  cpuModelUnjudged: 'CPU model libvirt cannot judge on {connection}',
  cpuModelUnjudgedVendor: 'CPU model libvirt cannot judge on {connection} ({vendor})',
  emulatorOn: '{arch} emulator on {connection}',
  networkOn: 'virtual network on {connection}',
  poolOn: 'storage pool on {connection}',
  poolOnOneVolume: 'storage pool on {connection} (1 volume)',
  poolOnVolumes: 'storage pool on {connection} ({count} volumes)',
  volumeOf: "volume of pool '{pool}' on {connection}",
  machineOffered: 'offered by the QEMU of {connection}',
  machineAlias: 'alias: the newest of its kind on {connection}',
});

type ValueContext = Extract<CursorContext, { kind: 'attribute-value' }>;
type TextContext = Extract<CursorContext, { kind: 'text' }>;

const valueItems = (completion: HostCompletionContext, values: readonly string[], detail: (value: string) => Message): CompletionItem[] =>
  values.map((value, index) => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: render(detail(value), completion.locale),
    sortText: `0${String(index).padStart(4, '0')}`,
    preselect: index === 0,
    textEdit: { range: completion.range, newText: value },
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
      completion,
      runnable.map((m) => m.name),
      (name) => {
        const runs = models.find((m) => m.name === name)?.usable === 'yes';
        const known = vendor.get(name);
        if (known && known !== 'unknown')
          return (runs ? M.cpuModelRunsVendor : M.cpuModelUnjudgedVendor)({ connection: where, vendor: known });
        return (runs ? M.cpuModelRuns : M.cpuModelUnjudged)({ connection: where });
      },
    );
  }
  if (element.name === 'emulator' && element.parent?.name === 'devices' && host.guests) {
    const arch = guestArch(completion.model, host.arch);
    const emulators = [...new Set(host.guests.filter((guest) => guest.arch === arch && guest.emulator).map((guest) => guest.emulator!))];
    return valueItems(completion, emulators, () => M.emulatorOn({ arch, connection: where }));
  }
  return [];
}

export function connectionValueItems(context: ValueContext, completion: HostCompletionContext): CompletionItem[] {
  const host = connectedHost(completion.host);
  if (!host) return [];
  const where = connectionName(host.connection.uri);
  const items = (values: readonly string[], detail: (value: string) => Message) => valueItems(completion, values, detail);
  const parent = context.parent?.name;
  if (context.tag === 'source' && context.attribute === 'network' && parent === 'interface' && host.networks) {
    return items(host.networks, () => M.networkOn({ connection: where }));
  }
  if (context.tag === 'source' && parent === 'disk' && host.pools) {
    if (context.attribute === 'pool')
      return items(
        host.pools.map((pool) => pool.name),
        (pool) => poolDetail(host.pools!, pool, where),
      );
    if (context.attribute === 'volume') {
      const pool = host.pools.find((candidate) => candidate.name === context.present.get('pool'));
      return pool?.volumes ? items(pool.volumes, () => M.volumeOf({ pool: pool.name, connection: where })) : [];
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
      (machine) => (/\d/.test(machine) ? M.machineOffered({ connection: where }) : M.machineAlias({ connection: where })),
    );
  }
  return [];
}

function poolDetail(pools: readonly { name: string; volumes?: readonly string[] }[], name: string, connection: Text): Message {
  const count = pools.find((pool) => pool.name === name)?.volumes?.length;
  if (count === undefined) return M.poolOn({ connection });
  return count === 1 ? M.poolOnOneVolume({ connection }) : M.poolOnVolumes({ connection, count });
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
