import { connectedHost, connectionName } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { parseCpuList } from '../model/cpuList';
import { formatBytes, parseSize } from '../model/sizeUnits';
import { tagSpan } from '../validation/spans';
import { attributeValue, firstChild } from '../xml/xmlTree';
import type { Rule } from './rule';

/** The hugepage size the kernel uses when none is named, per host arch (KiB). */
const DEFAULT_HUGEPAGE_KIB: Readonly<Record<string, number>> = { x86_64: 2048, i686: 2048, aarch64: 2048, ppc64le: 16384, s390x: 1024 };

export const hugepagesNotReserved: Rule = {
  id: 'hugepages-not-reserved',
  severity: 'error',
  title: 'Hugepages back the guest, but the host has fewer free pages of that size than the guest needs',
  explanation:
    "<memoryBacking><hugepages/> makes QEMU take the guest's whole memory from the hugepage pool, which the kernel fills " +
    'only when asked (vm.nr_hugepages, hugepages= on the kernel command line, virsh allocpages). With too few free pages ' +
    'libvirt accepts the definition but refuses to start it ("Cannot allocate memory").',
  docs: DOCS.memoryBacking,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const hugepages = firstChild(firstChild(model.root, 'memoryBacking'), 'hugepages');
    const memory = model.memory;
    if (!connected?.cells?.length || !hugepages || !memory || !('bytes' in memory.size)) return;
    const page = firstChild(hugepages, 'page');
    let sizeKiB = DEFAULT_HUGEPAGE_KIB[connected.arch];
    if (page) {
      const size = parseSize(attributeValue(page, 'size') ?? '', attributeValue(page, 'unit') ?? 'KiB');
      if (!('bytes' in size)) return;
      sizeKiB = size.bytes / 1024;
    }
    if (!sizeKiB) return;
    // With strict numatune, only the pages of those nodes count.
    const numa = firstChild(firstChild(model.root, 'numatune'), 'memory');
    const nodeset = numa && attributeValue(numa, 'mode') !== 'interleave' ? parseCpuList(attributeValue(numa, 'nodeset') ?? '') : undefined;
    const cells = connected.cells.filter((cell) => !nodeset || nodeset.includes(cell.id));
    const pages = cells.map((cell) => cell.pages.find((p) => p.sizeKiB === sizeKiB));
    if (pages.some((p) => p?.free === undefined && p?.total === undefined)) return;
    const free = pages.reduce((sum, p) => sum + (p?.free ?? p?.total ?? 0), 0);
    const needed = Math.ceil(memory.size.bytes / 1024 / sizeKiB);
    if (free >= needed) return;
    const size = formatBytes(sizeKiB * 1024);
    const nodes = nodeset ? ` on NUMA node${nodeset.length > 1 ? 's' : ''} ${nodeset.join(',')}` : '';
    report({
      ...tagSpan(hugepages),
      message:
        `The guest needs ${needed} free ${size} pages${nodes} for ${formatBytes(memory.size.bytes)}; the host of ` +
        `${connectionName(connected.connection.uri)} has ${free}: libvirt accepts the definition but refuses to start it ` +
        `("Cannot allocate memory"). Reserve them: virsh allocpages --pagesize ${sizeKiB} --pagecount ${needed}` +
        `${sizeKiB === 2048 ? `, or vm.nr_hugepages = ${needed} in /etc/sysctl.d/hugepages.conf` : `, or hugepagesz=${kernelPageSize(sizeKiB)} hugepages=${needed} on the kernel command line`}.`,
    });
  },
};

/** The kernel's spelling of a page size: 2M, 1G. */
function kernelPageSize(sizeKiB: number): string {
  return sizeKiB >= 1048576 ? `${sizeKiB / 1048576}G` : `${sizeKiB / 1024}M`;
}
