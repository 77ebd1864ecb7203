import { messages } from '../../l10n/message';
import { connectedHost, connectionName } from '../hostFacts';
import { hugepageNeed } from '../hostMemory';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { tagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('hugepages-not-reserved', {
  needsPages:
    'The guest needs {needed} free {size} pages for {bytes}; the host of {connection} has {free}: libvirt accepts the definition but refuses to start it ("{libvirtSays}"). Reserve them: {reserve}.',
  needsPagesOnNode:
    'The guest needs {needed} free {size} pages on NUMA node {nodes} for {bytes}; the host of {connection} has {free}: libvirt accepts the definition but refuses to start it ("{libvirtSays}"). Reserve them: {reserve}.',
  needsPagesOnNodes:
    'The guest needs {needed} free {size} pages on NUMA nodes {nodes} for {bytes}; the host of {connection} has {free}: libvirt accepts the definition but refuses to start it ("{libvirtSays}"). Reserve them: {reserve}.',
  reserveWithSysctl:
    'virsh allocpages --pagesize {sizeKiB} --pagecount {needed}, or vm.nr_hugepages = {needed} in /etc/sysctl.d/hugepages.conf',
  reserveOnKernelCommandLine:
    'virsh allocpages --pagesize {sizeKiB} --pagecount {needed}, or hugepagesz={pageSize} hugepages={needed} on the kernel command line',
});

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
    const reserve =
      sizeKiB === 2048
        ? M.reserveWithSysctl({ sizeKiB, needed })
        : M.reserveOnKernelCommandLine({ sizeKiB, needed, pageSize: kernelPageSize(sizeKiB) });
    const args = {
      needed,
      size: formatBytes(sizeKiB * 1024),
      bytes: formatBytes(bytes),
      connection: connectionName(connected.connection.uri),
      free,
      libvirtSays: 'Cannot allocate memory',
      reserve,
    };
    report({
      ...tagSpan(hugepages),
      message: !nodeset
        ? M.needsPages(args)
        : (nodeset.length > 1 ? M.needsPagesOnNodes : M.needsPagesOnNode)({ ...args, nodes: nodeset.join(',') }),
    });
  },
};

/** The kernel's spelling of a page size: 2M, 1G. */
function kernelPageSize(sizeKiB: number): string {
  return sizeKiB >= 1048576 ? `${sizeKiB / 1048576}G` : `${sizeKiB / 1024}M`;
}
