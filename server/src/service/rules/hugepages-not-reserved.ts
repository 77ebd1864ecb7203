import { connectedHost, connectionName } from '../hostFacts';
import { hugepageNeed } from '../hostMemory';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

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
    const need = connected && hugepageNeed(model, connected);
    if (!need || need.free >= need.needed) return;
    const { sizeKiB, needed, free, nodes: nodeset, element: hugepages, bytes } = need;
    const size = formatBytes(sizeKiB * 1024);
    const nodes = nodeset ? ` on NUMA node${nodeset.length > 1 ? 's' : ''} ${nodeset.join(',')}` : '';
    report({
      ...tagSpan(hugepages),
      message:
        `The guest needs ${needed} free ${size} pages${nodes} for ${formatBytes(bytes)}; the host of ` +
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
