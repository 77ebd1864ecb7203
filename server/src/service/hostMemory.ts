// Where a guest's memory must come from on the host: the NUMA nodes numatune confines it to, and the hugepages its
// memoryBacking asks for — shared by the memory host rules and the passthrough report.

import type { HostFacts } from './hostFacts';
import { parseBitmap } from './model/bitmap';
import type { DomainModel } from './model/domainModel';
import { parseSize } from './model/sizeUnits';
import { attributeValue, firstChild, type XmlElement } from './xml/xmlTree';

/** The hugepage size the kernel uses when none is named, per host arch (KiB). */
const DEFAULT_HUGEPAGE_KIB: Readonly<Record<string, number>> = { x86_64: 2048, i686: 2048, aarch64: 2048, ppc64le: 16384, s390x: 1024 };

/**
 * The nodes <numatune><memory nodeset> holds the guest's memory on: strict (libvirt's default), interleave and
 * restrictive keep it there; preferred lets it spill over, so it confines nothing.
 */
export function confiningNumaNodes(model: DomainModel): { readonly nodes: number[]; readonly mode: string } | undefined {
  const memory = firstChild(firstChild(model.root, 'numatune'), 'memory');
  const mode = attributeValue(memory, 'mode') ?? 'strict';
  const nodes = parseBitmap(attributeValue(memory, 'nodeset') ?? '');
  return memory && nodes && mode !== 'preferred' ? { nodes, mode } : undefined;
}

export interface HugepageNeed {
  readonly element: XmlElement;
  /** The guest's memory. */
  readonly bytes: number;
  readonly sizeKiB: number;
  readonly needed: number;
  /** Free pages of that size on the nodes that count (reserved ones where libvirt does not say how many are free). */
  readonly free: number;
  readonly nodes: readonly number[] | undefined;
}

/** What <memoryBacking><hugepages> needs of the host, when the host's cells say enough to tell. */
export function hugepageNeed(model: DomainModel, host: HostFacts): HugepageNeed | undefined {
  const hugepages = firstChild(firstChild(model.root, 'memoryBacking'), 'hugepages');
  const memory = model.memory;
  if (!host.cells?.length || !hugepages || !memory || !('bytes' in memory.size)) return undefined;
  const page = firstChild(hugepages, 'page');
  let sizeKiB = DEFAULT_HUGEPAGE_KIB[host.arch];
  if (page) {
    const size = parseSize(attributeValue(page, 'size') ?? '', attributeValue(page, 'unit') ?? 'KiB');
    if (!('bytes' in size)) return undefined;
    sizeKiB = size.bytes / 1024;
  }
  if (!sizeKiB) return undefined;
  const nodes = confiningNumaNodes(model)?.nodes;
  const pages = host.cells.filter((cell) => !nodes || nodes.includes(cell.id)).map((cell) => cell.pages.find((p) => p.sizeKiB === sizeKiB));
  if (pages.some((p) => p?.free === undefined && p?.total === undefined)) return undefined;
  const free = pages.reduce((sum, p) => sum + (p?.free ?? p?.total ?? 0), 0);
  return { element: hugepages, bytes: memory.size.bytes, sizeKiB, needed: Math.ceil(memory.size.bytes / 1024 / sizeKiB), free, nodes };
}
