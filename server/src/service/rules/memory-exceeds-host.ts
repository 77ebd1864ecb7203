import { connectedHost } from '../hostFacts';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

export const memoryExceedsHost: Rule = {
  id: 'memory-exceeds-host',
  severity: 'warning',
  title: "The guest's memory is more than the connection's host has",
  explanation:
    'libvirt and QEMU accept a guest larger than the host (memory is allocated as the guest touches it), but once the ' +
    'guest uses it the host swaps or the kernel kills the largest process — usually this guest. With hugepages, a ' +
    'passed-through device (all memory is pinned for DMA) or memory locking, the guest fails to start.',
  docs: DOCS.memory,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const memory = model.memory;
    if (!connected?.memoryKiB || !memory || !('bytes' in memory.size)) return;
    const hostBytes = connected.memoryKiB * 1024;
    if (memory.size.bytes <= hostBytes) return;
    report({
      ...textOrTagSpan(memory.element),
      message:
        `${formatBytes(memory.size.bytes)} is more than the ${formatBytes(hostBytes)} the host of ` +
        `${connected.connection.uri || "virsh's default connection"} has: the guest will push the host into swap or be killed when it uses it.`,
    });
  },
};
