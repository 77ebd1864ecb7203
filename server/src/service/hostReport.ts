// The passthrough readiness report: for a domain on its connection's host, every host requirement with ✔ or ✘ and
// the evidence, then the exact lines that fix what fails — the user's notes on GPU passthrough, written for this host.

import type { Locale } from '../l10n/locale';
import { type Message, messages, type Text } from '../l10n/message';
import { render } from '../l10n/render';
import {
  enableIommuAdvice,
  HOLDS_ON,
  installFirmwareAdvice,
  iommuKernelParameters,
  keepDriverOffLine,
  VFIO_DRIVERS,
  vfioIdsLine,
} from './hostAdvice';
import type { HostFacts, HostPciDevice, PathState } from './hostFacts';
import { connectionName, domainCapabilitiesFor } from './hostFacts';
import { hugepageNeed } from './hostMemory';
import { type MemberState, passedDevices } from './hostPassthrough';
import { domainCapabilitiesRequest, localPaths } from './hostQuestions';
import { type DomainModel, guestArch, usesUefi } from './model/domainModel';
import { formatPciAddress } from './model/pciAddress';
import { formatBytes } from './model/sizeUnits';
import { attributeValue } from './xml/xmlTree';

const OK = '✔';
const FAIL = '✘';
const UNKNOWN = '?';

const M = messages('host-report', {
  title: '# Host check: {domain} on {where}',
  thisDomain: 'this domain',
  thisMachine: 'this machine (no libvirt connection)',
  unreadable: "The host's facts could not be read: {reason}",
  cpus: '{count} CPUs',
  host: 'Host: {summary}.',
  summarySeparator: ', ',
  iommuOn: "The IOMMU is on (libvirt reports `<iommu support='yes'/>`).",
  iommuOff: 'The IOMMU is off: no PCI device can be passed through. {advice}',
  iommuUnknown: 'libvirt does not say whether the IOMMU is on.',
  grubAdd: '# /etc/default/grub: add to GRUB_CMDLINE_LINUX',
  grubThen: '# then: update-grub && reboot; check: dmesg | grep -E "DMAR|IOMMU"',
  passedDevices: '## Passed-through PCI devices',
  noDevice: 'The host has no PCI device at {address} (virsh nodedev-list --cap pci lists them).',
  onHost: 'On the host: {ids}, class {classCode}.',
  onHostAt: 'On the host: {ids}, class {classCode}, {sysfsPath}.',
  noHostDriver: 'No host driver holds it.',
  boundTo: 'Bound to {driver}.',
  boundManaged: "Bound to {driver}: libvirt detaches it at start (managed='yes').",
  boundKeepOff: 'Bound to {driver}: keep it off at boot so vfio-pci claims the device.',
  bootDisplay:
    'The host\'s boot display: efifb may hold its memory ("{kernelSays}"). Add video=efifb:off to the kernel command line (the host then shows no console on this GPU).',
  iommuGroup: 'IOMMU group {group}:',
  groupTable: '| device | name | driver | |',
  passed: 'passed to this guest',
  vfio: 'on vfio-pci',
  bridge: 'a bridge: stays with the host',
  unbound: 'no host driver holds it',
  blocking: 'neither passed nor on vfio-pci: the group is not viable',
  noIommuGroup: 'libvirt reports no IOMMU group for it.',
  initramfs: '# then: update-initramfs -u (dracut -f on Fedora) && reboot; check: lspci -nnk shows "Kernel driver in use: vfio-pci"',
  toDo: '## To do on the host',
  nothingToDo: 'Nothing: the host is ready for this domain.',
  memory: '## Memory',
  memoryOfHost: "{memory} of the host's {hostMemory}.",
  hugepages: 'Hugepages: {needed} {size} pages needed, {free} free.',
  hugepagesOnNode: 'Hugepages: {needed} {size} pages needed on NUMA node {nodes}, {free} free.',
  hugepagesOnNodes: 'Hugepages: {needed} {size} pages needed on NUMA nodes {nodes}, {free} free.',
  emulatorAndMachine: '## Emulator and machine',
  noEmulator: 'The host has no emulator for {arch}.',
  anEmulator: 'an emulator',
  emulatorOffered: '{arch}: {emulator} ({domainTypes}).',
  machineType: 'Machine type {machine}.',
  machineTypeNotOffered: 'Machine type {machine}: not offered by this QEMU.',
  firmware: '## Firmware',
  capabilitiesUnread: "libvirt's domain capabilities for this guest have not been read.",
  noUefi: 'No UEFI firmware for {arch} guests: the start fails ("{libvirtSays}").',
  uefiFix: '# UEFI firmware for {arch}: {advice}',
  uefi: 'UEFI firmware for {arch}.',
  uefiLoaders: 'UEFI firmware for {arch}: {loaders}.',
  secureBootAvailable: 'Secure Boot firmware available.',
  secureBootMissing: 'Secure Boot firmware not installed.',
  network: 'Network {network}.',
  networkMissing: 'Network {network}: not on the host (it has {networks}).',
  networkMissingNone: 'Network {network}: not on the host (it has none).',
  poolMissing: 'Pool {pool}: not on the host.',
  volumeMissing: 'Volume {volume}: not in pool {pool}.',
  volume: 'Volume {volume} of pool {pool}.',
  pool: 'Pool {pool}.',
  pathMissing: '{path}: not on this machine.',
  path: '{path} ({state}).',
  block: 'a block device',
  file: 'file',
  directory: 'directory',
  other: 'other',
  sources: '## Networks, storage and files',
});

const STATE_TEXT: Readonly<Record<MemberState, string>> = {
  passed: OK,
  vfio: OK,
  bridge: OK,
  unbound: OK,
  blocking: FAIL,
};

/** What the report says of a path the host has, by its kind. */
const PATH_STATE: Readonly<Record<Exclude<PathState, 'missing'>, () => Message>> = {
  block: M.block,
  file: M.file,
  directory: M.directory,
  other: M.other,
};

/** The report as Markdown, in `locale` (commands, paths and file contents as they are). */
export function hostReport(model: DomainModel, host: HostFacts, locale: Locale = 'en'): string {
  const t = (text: Text) => render(text, locale);
  const where = host.connection ? connectionName(host.connection.uri) : M.thisMachine();
  const lines: string[] = [t(M.title({ domain: model.name ?? M.thisDomain(), where })), ''];
  if (host.unavailable) {
    lines.push(`${FAIL} ${t(M.unreadable({ reason: host.unavailable }))}`, '');
    return `${lines.join('\n')}\n`;
  }
  const summary = [
    host.arch,
    host.cpuVendor,
    host.cpus?.length ? t(M.cpus({ count: host.cpus.length })) : '',
    host.memoryKiB ? formatBytes(host.memoryKiB * 1024) : '',
  ]
    .filter(Boolean)
    .join(t(M.summarySeparator()));
  lines.push(t(M.host({ summary })), '');
  const fixes = new Set<string>();
  const modprobe = new Set<string>();
  const devices = passedDevices(model, host);
  /** The devices vfio-pci should claim at boot (options vfio-pci ids=…). */
  const needsVfioIds: HostPciDevice[] = [];

  if (devices.length > 0) {
    lines.push('## IOMMU', '');
    if (host.iommu === true) lines.push(`${OK} ${t(M.iommuOn())}`);
    else if (host.iommu === false) {
      lines.push(`${FAIL} ${t(M.iommuOff({ advice: enableIommuAdvice(host.cpuVendor) }))}`);
      fixes.add(`${t(M.grubAdd())}\n${t(iommuKernelParameters(host.cpuVendor))}\n${t(M.grubThen())}`);
    } else lines.push(`${UNKNOWN} ${t(M.iommuUnknown())}`);
    lines.push('', t(M.passedDevices()), '');
    for (const { hostdev, address, device, group } of devices) {
      lines.push(`### ${formatPciAddress(address)}${device?.name ? ` ${device.name}` : ''}`, '');
      if (!device) {
        lines.push(`${FAIL} ${t(M.noDevice({ address: formatPciAddress(address) }))}`, '');
        continue;
      }
      const ids = `${device.vendorId}:${device.deviceId}`;
      const onHost = device.sysfsPath
        ? M.onHostAt({ ids, classCode: device.classCode, sysfsPath: device.sysfsPath })
        : M.onHost({ ids, classCode: device.classCode });
      lines.push(`${OK} ${t(onHost)}`);
      const driver = device.driver;
      if (!driver) lines.push(`${OK} ${t(M.noHostDriver())}`);
      else if (VFIO_DRIVERS.has(driver)) lines.push(`${OK} ${t(M.boundTo({ driver }))}`);
      else if (attributeValue(hostdev.element, 'managed') === 'yes' && !HOLDS_ON.has(driver)) {
        lines.push(`${OK} ${t(M.boundManaged({ driver }))}`);
      } else {
        lines.push(`${FAIL} ${t(M.boundKeepOff({ driver }))}`);
        modprobe.add(keepDriverOffLine(driver));
        needsVfioIds.push(...(group?.filter((member) => member.state !== 'bridge').map((member) => member.device) ?? [device]));
      }
      if (device.bootVga) {
        lines.push(`${FAIL} ${t(M.bootDisplay({ kernelSays: "BAR 1: can't reserve" }))}`);
        fixes.add(`${t(M.grubAdd())}\nvideo=efifb:off`);
      }
      if (group) {
        lines.push('', t(M.iommuGroup({ group: device.iommuGroup ?? '' })), '', t(M.groupTable()), '|---|---|---|---|');
        for (const member of group) {
          const state = `${STATE_TEXT[member.state]} ${t(M[member.state]())}`;
          lines.push(
            `| ${formatPciAddress(member.device.address)} | ${member.device.name ?? ''} | ${member.device.driver ?? ''} | ${state} |`,
          );
          if (member.state === 'blocking' && member.device.driver) modprobe.add(keepDriverOffLine(member.device.driver));
        }
        if (group.some((member) => member.state === 'blocking')) {
          needsVfioIds.push(...group.filter((member) => member.state !== 'bridge').map((member) => member.device));
        }
      } else {
        lines.push(`${UNKNOWN} ${t(M.noIommuGroup())}`);
      }
      lines.push('');
    }
  }

  lines.push(...memorySection(model, host, t), ...emulatorSection(model, host, t), ...firmwareSection(model, host, fixes, t));
  lines.push(...sourcesSection(model, host, t));

  if (needsVfioIds.length > 0) modprobe.add(vfioIdsLine(needsVfioIds));
  if (modprobe.size > 0) {
    const vfio = [...modprobe].sort((a, b) => rank(a) - rank(b));
    fixes.add(`# /etc/modprobe.d/vfio.conf\n${vfio.join('\n')}\n# /etc/modules-load.d/vfio-pci.conf\nvfio-pci`);
    fixes.add(t(M.initramfs()));
  }
  lines.push(t(M.toDo()), '');
  if (fixes.size === 0) lines.push(`${OK} ${t(M.nothingToDo())}`, '');
  else lines.push('```sh', ...fixes, '```', '');
  return `${lines.map(asListItem).join('\n')}\n`;
}

/** A verdict line (✔, ✘, ?) as a list item, so that Markdown keeps each on its own line. */
function asListItem(line: string): string {
  return line.startsWith(OK) || line.startsWith(FAIL) || line.startsWith(`${UNKNOWN} `) ? `- ${line}` : line;
}

/** options lines first, then blacklists and softdeps. */
function rank(line: string): number {
  return line.startsWith('options') ? 0 : line.startsWith('blacklist') ? 1 : 2;
}

/** Text in the report's language. */
type Say = (text: Text) => string;

function memorySection(model: DomainModel, host: HostFacts, t: Say): string[] {
  const memory = model.memory && 'bytes' in model.memory.size ? model.memory.size.bytes : undefined;
  if (memory === undefined) return [];
  const lines = [t(M.memory()), ''];
  if (host.memoryKiB) {
    const hostBytes = host.memoryKiB * 1024;
    lines.push(
      `${memory <= hostBytes ? OK : FAIL} ${t(M.memoryOfHost({ memory: formatBytes(memory), hostMemory: formatBytes(hostBytes) }))}`,
    );
  }
  const need = hugepageNeed(model, host);
  if (need) {
    const args = { needed: need.needed, size: formatBytes(need.sizeKiB * 1024), free: need.free };
    const text = need.nodes
      ? (need.nodes.length > 1 ? M.hugepagesOnNodes : M.hugepagesOnNode)({ ...args, nodes: need.nodes.join(',') })
      : M.hugepages(args);
    lines.push(`${need.free >= need.needed ? OK : FAIL} ${t(text)}`);
  }
  lines.push('');
  return lines;
}

function emulatorSection(model: DomainModel, host: HostFacts, t: Say): string[] {
  if (!host.guests?.length) return [];
  const arch = guestArch(model, host.arch);
  const offers = host.guests.filter((guest) => guest.arch === arch);
  const lines = [t(M.emulatorAndMachine()), ''];
  if (offers.length === 0) lines.push(`${FAIL} ${t(M.noEmulator({ arch }))}`);
  else {
    const emulator = offers.find((guest) => guest.emulator)?.emulator;
    const domainTypes = offers.flatMap((guest) => guest.domainTypes).join(', ');
    lines.push(`${OK} ${t(M.emulatorOffered({ arch, emulator: emulator ?? M.anEmulator(), domainTypes }))}`);
    const machine = model.os.machine;
    if (machine) {
      const offered = offers.some((guest) => guest.machines.includes(machine));
      lines.push(`${offered ? OK : FAIL} ${t((offered ? M.machineType : M.machineTypeNotOffered)({ machine }))}`);
    }
  }
  lines.push('');
  return lines;
}

function firmwareSection(model: DomainModel, host: HostFacts, fixes: Set<string>, t: Say): string[] {
  if (!usesUefi(model)) return [];
  const arch = guestArch(model, host.arch);
  const request = domainCapabilitiesRequest(model, host);
  const caps = request && domainCapabilitiesFor(host, request);
  const lines = [t(M.firmware()), ''];
  if (!caps) lines.push(`${UNKNOWN} ${t(M.capabilitiesUnread())}`);
  else if (caps.firmware && !caps.firmware.includes('efi')) {
    lines.push(`${FAIL} ${t(M.noUefi({ arch, libvirtSays: "Unable to find any firmware to satisfy 'efi'" }))}`);
    const advice = installFirmwareAdvice(arch);
    if (advice) fixes.add(t(M.uefiFix({ arch, advice })));
  } else {
    lines.push(`${OK} ${t(caps.loaders?.length ? M.uefiLoaders({ arch, loaders: caps.loaders.join(', ') }) : M.uefi({ arch }))}`);
    if (caps.secureBoot) {
      const available = caps.secureBoot.includes('yes');
      lines.push(`${available ? OK : UNKNOWN} ${t(available ? M.secureBootAvailable() : M.secureBootMissing())}`);
    }
  }
  lines.push('');
  return lines;
}

/** The networks, pools, volumes and (local) paths the devices name, as the host has them. */
function sourcesSection(model: DomainModel, host: HostFacts, t: Say): string[] {
  const lines: string[] = [];
  for (const device of model.devices) {
    if (device.kind === 'interface' && device.type === 'network' && host.networks) {
      const network = attributeValue(device.source, 'network');
      if (network && host.networks.includes(network)) lines.push(`${OK} ${t(M.network({ network }))}`);
      else if (network) {
        const missing = host.networks.length
          ? M.networkMissing({ network, networks: host.networks.join(', ') })
          : M.networkMissingNone({ network });
        lines.push(`${FAIL} ${t(missing)}`);
      }
    }
    if (device.kind === 'disk' && device.type === 'volume' && host.pools) {
      const poolName = attributeValue(device.source, 'pool');
      const volume = attributeValue(device.source, 'volume');
      const pool = host.pools.find((candidate) => candidate.name === poolName);
      if (!poolName) continue;
      if (!pool) lines.push(`${FAIL} ${t(M.poolMissing({ pool: poolName }))}`);
      else if (volume && pool.volumes && !pool.volumes.includes(volume))
        lines.push(`${FAIL} ${t(M.volumeMissing({ volume, pool: poolName }))}`);
      else lines.push(`${OK} ${t(volume ? M.volume({ volume, pool: poolName }) : M.pool({ pool: poolName }))}`);
    }
  }
  for (const path of localPaths(model)) {
    const state = host.paths?.[path];
    if (state === 'missing') lines.push(`${FAIL} ${t(M.pathMissing({ path }))}`);
    else if (state) lines.push(`${OK} ${t(M.path({ path, state: PATH_STATE[state]() }))}`);
  }
  return lines.length ? [t(M.sources()), '', ...lines, ''] : [];
}
