// The passthrough readiness report: for a domain on its connection's host, every host requirement with ✔ or ✘ and
// the evidence, then the exact lines that fix what fails — the user's notes on GPU passthrough, written for this host.

import {
  enableIommuAdvice,
  HOLDS_ON,
  installFirmwareAdvice,
  iommuKernelParameters,
  keepDriverOffLine,
  VFIO_DRIVERS,
  vfioIdsLine,
} from './hostAdvice';
import type { HostFacts, HostPciDevice } from './hostFacts';
import { connectionName, domainCapabilitiesFor } from './hostFacts';
import { hugepageNeed } from './hostMemory';
import { passedDevices } from './hostPassthrough';
import { domainCapabilitiesRequest, localPaths } from './hostQuestions';
import { type DomainModel, guestArch, usesUefi } from './model/domainModel';
import { formatPciAddress } from './model/pciAddress';
import { formatBytes } from './model/sizeUnits';
import { attributeValue } from './xml/xmlTree';

const OK = '✔';
const FAIL = '✘';
const UNKNOWN = '?';

const STATE_TEXT = {
  passed: `${OK} passed to this guest`,
  vfio: `${OK} on vfio-pci`,
  bridge: `${OK} a bridge: stays with the host`,
  unbound: `${OK} no host driver holds it`,
  blocking: `${FAIL} neither passed nor on vfio-pci: the group is not viable`,
} as const;

/** The report as Markdown. */
export function hostReport(model: DomainModel, host: HostFacts): string {
  const where = host.connection ? connectionName(host.connection.uri) : 'this machine (no libvirt connection)';
  const lines: string[] = [`# Host check: ${model.name ?? 'this domain'} on ${where}`, ''];
  if (host.unavailable) {
    lines.push(`${FAIL} The host's facts could not be read: ${host.unavailable}`, '');
    return `${lines.join('\n')}\n`;
  }
  const summary = [
    host.arch,
    host.cpuVendor,
    host.cpus?.length ? `${host.cpus.length} CPUs` : '',
    host.memoryKiB ? formatBytes(host.memoryKiB * 1024) : '',
  ]
    .filter(Boolean)
    .join(', ');
  lines.push(`Host: ${summary}.`, '');
  const fixes = new Set<string>();
  const modprobe = new Set<string>();
  const devices = passedDevices(model, host);
  /** The devices vfio-pci should claim at boot (options vfio-pci ids=…). */
  const needsVfioIds: HostPciDevice[] = [];

  if (devices.length > 0) {
    lines.push('## IOMMU', '');
    if (host.iommu === true) lines.push(`${OK} The IOMMU is on (libvirt reports \`<iommu support='yes'/>\`).`);
    else if (host.iommu === false) {
      lines.push(`${FAIL} The IOMMU is off: no PCI device can be passed through. ${enableIommuAdvice(host.cpuVendor)}`);
      fixes.add(
        `# /etc/default/grub: add to GRUB_CMDLINE_LINUX\n${iommuKernelParameters(host.cpuVendor)}\n# then: update-grub && reboot; check: dmesg | grep -E "DMAR|IOMMU"`,
      );
    } else lines.push(`${UNKNOWN} libvirt does not say whether the IOMMU is on.`);
    lines.push('', '## Passed-through PCI devices', '');
    for (const { hostdev, address, device, group } of devices) {
      lines.push(`### ${formatPciAddress(address)}${device?.name ? ` ${device.name}` : ''}`, '');
      if (!device) {
        lines.push(`${FAIL} The host has no PCI device at ${formatPciAddress(address)} (virsh nodedev-list --cap pci lists them).`, '');
        continue;
      }
      lines.push(
        `${OK} On the host: ${device.vendorId}:${device.deviceId}, class ${device.classCode}${device.sysfsPath ? `, ${device.sysfsPath}` : ''}.`,
      );
      const driver = device.driver;
      if (!driver) lines.push(`${OK} No host driver holds it.`);
      else if (VFIO_DRIVERS.has(driver)) lines.push(`${OK} Bound to ${driver}.`);
      else if (attributeValue(hostdev.element, 'managed') === 'yes' && !HOLDS_ON.has(driver)) {
        lines.push(`${OK} Bound to ${driver}: libvirt detaches it at start (managed='yes').`);
      } else {
        lines.push(`${FAIL} Bound to ${driver}: keep it off at boot so vfio-pci claims the device.`);
        modprobe.add(keepDriverOffLine(driver));
        needsVfioIds.push(...(group?.filter((member) => member.state !== 'bridge').map((member) => member.device) ?? [device]));
      }
      if (device.bootVga) {
        lines.push(
          `${FAIL} The host's boot display: efifb may hold its memory ("BAR 1: can't reserve"). Add video=efifb:off to the kernel command line (the host then shows no console on this GPU).`,
        );
        fixes.add('# /etc/default/grub: add to GRUB_CMDLINE_LINUX\nvideo=efifb:off');
      }
      if (group) {
        lines.push('', `IOMMU group ${device.iommuGroup}:`, '', '| device | name | driver | |', '|---|---|---|---|');
        for (const member of group) {
          lines.push(
            `| ${formatPciAddress(member.device.address)} | ${member.device.name ?? ''} | ${member.device.driver ?? ''} | ${STATE_TEXT[member.state]} |`,
          );
          if (member.state === 'blocking' && member.device.driver) modprobe.add(keepDriverOffLine(member.device.driver));
        }
        if (group.some((member) => member.state === 'blocking')) {
          needsVfioIds.push(...group.filter((member) => member.state !== 'bridge').map((member) => member.device));
        }
      } else {
        lines.push(`${UNKNOWN} libvirt reports no IOMMU group for it.`);
      }
      lines.push('');
    }
  }

  lines.push(...memorySection(model, host), ...emulatorSection(model, host), ...firmwareSection(model, host, fixes));
  lines.push(...sourcesSection(model, host));

  if (needsVfioIds.length > 0) modprobe.add(vfioIdsLine(needsVfioIds));
  if (modprobe.size > 0) {
    const vfio = [...modprobe].sort((a, b) => rank(a) - rank(b));
    fixes.add(`# /etc/modprobe.d/vfio.conf\n${vfio.join('\n')}\n# /etc/modules-load.d/vfio-pci.conf\nvfio-pci`);
    fixes.add('# then: update-initramfs -u (dracut -f on Fedora) && reboot; check: lspci -nnk shows "Kernel driver in use: vfio-pci"');
  }
  lines.push('## To do on the host', '');
  if (fixes.size === 0) lines.push(`${OK} Nothing: the host is ready for this domain.`, '');
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

function memorySection(model: DomainModel, host: HostFacts): string[] {
  const memory = model.memory && 'bytes' in model.memory.size ? model.memory.size.bytes : undefined;
  if (memory === undefined) return [];
  const lines = ['## Memory', ''];
  if (host.memoryKiB) {
    const hostBytes = host.memoryKiB * 1024;
    lines.push(`${memory <= hostBytes ? OK : FAIL} ${formatBytes(memory)} of the host's ${formatBytes(hostBytes)}.`);
  }
  const need = hugepageNeed(model, host);
  if (need) {
    const nodes = need.nodes ? ` on NUMA node${need.nodes.length > 1 ? 's' : ''} ${need.nodes.join(',')}` : '';
    lines.push(
      `${need.free >= need.needed ? OK : FAIL} Hugepages: ${need.needed} ${formatBytes(need.sizeKiB * 1024)} pages needed${nodes}, ${need.free} free.`,
    );
  }
  lines.push('');
  return lines;
}

function emulatorSection(model: DomainModel, host: HostFacts): string[] {
  if (!host.guests?.length) return [];
  const arch = guestArch(model, host.arch);
  const offers = host.guests.filter((guest) => guest.arch === arch);
  const lines = ['## Emulator and machine', ''];
  if (offers.length === 0) lines.push(`${FAIL} The host has no emulator for ${arch}.`);
  else {
    const emulator = offers.find((guest) => guest.emulator)?.emulator;
    lines.push(`${OK} ${arch}: ${emulator ?? 'an emulator'} (${offers.flatMap((guest) => guest.domainTypes).join(', ')}).`);
    const machine = model.os.machine;
    if (machine) {
      const offered = offers.some((guest) => guest.machines.includes(machine));
      lines.push(`${offered ? OK : FAIL} Machine type ${machine}${offered ? '' : ': not offered by this QEMU'}.`);
    }
  }
  lines.push('');
  return lines;
}

function firmwareSection(model: DomainModel, host: HostFacts, fixes: Set<string>): string[] {
  if (!usesUefi(model)) return [];
  const arch = guestArch(model, host.arch);
  const request = domainCapabilitiesRequest(model, host);
  const caps = request && domainCapabilitiesFor(host, request);
  const lines = ['## Firmware', ''];
  if (!caps) lines.push(`${UNKNOWN} libvirt's domain capabilities for this guest have not been read.`);
  else if (caps.firmware && !caps.firmware.includes('efi')) {
    lines.push(`${FAIL} No UEFI firmware for ${arch} guests: the start fails ("Unable to find any firmware to satisfy 'efi'").`);
    const advice = installFirmwareAdvice(arch);
    if (advice) fixes.add(`# UEFI firmware for ${arch}: ${advice}`);
  } else {
    lines.push(`${OK} UEFI firmware for ${arch}${caps.loaders?.length ? `: ${caps.loaders.join(', ')}` : ''}.`);
    if (caps.secureBoot)
      lines.push(
        `${caps.secureBoot.includes('yes') ? OK : UNKNOWN} Secure Boot firmware ${caps.secureBoot.includes('yes') ? 'available' : 'not installed'}.`,
      );
  }
  lines.push('');
  return lines;
}

/** The networks, pools, volumes and (local) paths the devices name, as the host has them. */
function sourcesSection(model: DomainModel, host: HostFacts): string[] {
  const lines: string[] = [];
  for (const device of model.devices) {
    if (device.kind === 'interface' && device.type === 'network' && host.networks) {
      const network = attributeValue(device.source, 'network');
      if (network)
        lines.push(
          `${host.networks.includes(network) ? OK : FAIL} Network ${network}${host.networks.includes(network) ? '' : `: not on the host (it has ${host.networks.join(', ') || 'none'})`}.`,
        );
    }
    if (device.kind === 'disk' && device.type === 'volume' && host.pools) {
      const poolName = attributeValue(device.source, 'pool');
      const volume = attributeValue(device.source, 'volume');
      const pool = host.pools.find((candidate) => candidate.name === poolName);
      if (!poolName) continue;
      if (!pool) lines.push(`${FAIL} Pool ${poolName}: not on the host.`);
      else if (volume && pool.volumes && !pool.volumes.includes(volume)) lines.push(`${FAIL} Volume ${volume}: not in pool ${poolName}.`);
      else lines.push(`${OK} ${volume ? `Volume ${volume} of pool` : 'Pool'} ${poolName}.`);
    }
  }
  for (const path of localPaths(model)) {
    const state = host.paths?.[path];
    if (state === 'missing') lines.push(`${FAIL} ${path}: not on this machine.`);
    else if (state) lines.push(`${OK} ${path} (${state === 'block' ? 'a block device' : state}).`);
  }
  return lines.length ? ['## Networks, storage and files', '', ...lines, ''] : [];
}
