// `virsh capabilities` read into host facts: the host's arch, CPU vendor, IOMMU, CPUs with their core siblings,
// NUMA cells with memory and reserved pages, and what it offers each guest architecture (emulator, machines,
// domain types).

import type { HostCell, HostCpu, HostFacts, HostGuest } from '../../service/hostFacts';
import { parseBitmap } from '../../service/model/bitmap';
import { parseXml } from '../../service/xml/xmlParser';
import { attributeValue, childrenNamed, firstChild, textOf, type XmlElement } from '../../service/xml/xmlTree';

export type CapabilitiesFacts = Pick<HostFacts, 'arch' | 'cpuVendor' | 'iommu' | 'cpus' | 'cells' | 'guests'>;

/** The facts in a capabilities document, or undefined when it is not one. */
export function parseCapabilities(text: string): CapabilitiesFacts | undefined {
  const { root } = parseXml(text);
  const host = firstChild(root, 'host');
  if (root?.name !== 'capabilities' || !host) return undefined;
  const cpu = firstChild(host, 'cpu');
  const arch = textOf(firstChild(cpu, 'arch'));
  if (!arch) return undefined;
  const iommu = attributeValue(firstChild(host, 'iommu'), 'support');
  const cells = childrenNamed(firstChild(firstChild(host, 'topology'), 'cells'), 'cell');
  return {
    arch,
    cpuVendor: textOf(firstChild(cpu, 'vendor')),
    iommu: iommu === 'yes' ? true : iommu === 'no' ? false : undefined,
    cpus: cells.flatMap((cell) => cpusOf(cell)),
    cells: cells.map(cellOf),
    guests: childrenNamed(root, 'guest').flatMap(guestsOf),
  };
}

function cpusOf(cell: XmlElement): HostCpu[] {
  const id = Number(attributeValue(cell, 'id'));
  return childrenNamed(firstChild(cell, 'cpus'), 'cpu').flatMap((cpu): HostCpu[] => {
    const cpuId = Number(attributeValue(cpu, 'id'));
    if (!Number.isInteger(cpuId)) return [];
    const siblings = parseBitmap(attributeValue(cpu, 'siblings') ?? String(cpuId)) ?? [cpuId];
    return [{ id: cpuId, cell: id, siblings }];
  });
}

function cellOf(cell: XmlElement): HostCell {
  const memory = firstChild(cell, 'memory');
  const kib = memory ? Number(textOf(memory)) * unitFactorKiB(attributeValue(memory, 'unit')) : undefined;
  return {
    id: Number(attributeValue(cell, 'id')),
    memoryKiB: kib !== undefined && Number.isFinite(kib) ? kib : undefined,
    pages: childrenNamed(cell, 'pages').map((pages) => ({
      sizeKiB: Number(attributeValue(pages, 'size')) * unitFactorKiB(attributeValue(pages, 'unit')),
      total: Number(textOf(pages) ?? 'NaN'),
    })),
  };
}

function guestsOf(guest: XmlElement): HostGuest[] {
  const osType = textOf(firstChild(guest, 'os_type')) ?? 'hvm';
  return childrenNamed(guest, 'arch').map((arch) => {
    const maxCpus: Record<string, number> = {};
    const machines = childrenNamed(arch, 'machine').flatMap((machine) => {
      const name = textOf(machine);
      const canonical = attributeValue(machine, 'canonical');
      const names = [name, canonical].filter((value): value is string => !!value);
      const max = Number(attributeValue(machine, 'maxCpus'));
      if (Number.isInteger(max) && max > 0) for (const each of names) maxCpus[each] = max;
      return names;
    });
    return {
      osType,
      arch: attributeValue(arch, 'name') ?? '',
      emulator: textOf(firstChild(arch, 'emulator')),
      machines: [...new Set(machines)],
      maxCpus,
      domainTypes: childrenNamed(arch, 'domain')
        .map((domain) => attributeValue(domain, 'type'))
        .filter((type): type is string => !!type),
    };
  });
}

/** libvirt's units in capabilities: KiB by default. */
function unitFactorKiB(unit: string | undefined): number {
  switch (unit) {
    case 'b':
    case 'bytes':
      return 1 / 1024;
    case 'MiB':
      return 1024;
    case 'GiB':
      return 1024 * 1024;
    default:
      return 1;
  }
}
