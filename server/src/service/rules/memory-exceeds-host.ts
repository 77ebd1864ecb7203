import { connectedHost, connectionName } from '../hostFacts';
import { confiningNumaNodes } from '../hostMemory';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

export const memoryExceedsHost: Rule = {
  id: 'memory-exceeds-host',
  severity: 'warning',
  title: "The guest's memory is more than the connection's host has (or than its NUMA nodes under strict numatune)",
  explanation:
    'libvirt and QEMU accept a guest larger than the host (memory is allocated as the guest touches it), but once the ' +
    'guest uses it the host swaps or the kernel kills the largest process — usually this guest. With hugepages, a ' +
    'passed-through device (all memory is pinned for DMA) or memory locking, the guest fails to start.',
  docs: DOCS.memory,
  check({ model, host, report }) {
    const connected = connectedHost(host);
    const memory = model.memory;
    if (!connected?.memoryKiB || !memory || !('bytes' in memory.size)) return;
    const where = connectionName(connected.connection.uri);
    const hostBytes = connected.memoryKiB * 1024;
    if (memory.size.bytes > hostBytes) {
      report({
        ...textOrTagSpan(memory.element),
        message: `${formatBytes(memory.size.bytes)} is more than the ${formatBytes(hostBytes)} the host of ${where} has: the guest will push the host into swap or be killed when it uses it.`,
      });
      return;
    }
    const confined = confiningNumaNodes(model);
    const nodeset = confined?.nodes;
    const cells = nodeset && connected.cells?.filter((cell) => nodeset.includes(cell.id));
    if (!cells?.length || cells.some((cell) => cell.memoryKiB === undefined)) return;
    const nodeBytes = cells.reduce((sum, cell) => sum + cell.memoryKiB! * 1024, 0);
    if (memory.size.bytes <= nodeBytes) return;
    report({
      ...textOrTagSpan(memory.element),
      message:
        `${formatBytes(memory.size.bytes)} is more than the ${formatBytes(nodeBytes)} of NUMA node${nodeset!.length > 1 ? 's' : ''} ${nodeset!.join(',')} on ${where}, ` +
        `and <numatune mode='${confined!.mode}'> keeps the guest's memory there: it will be killed when it uses it. Use mode='preferred' or more nodes.`,
    });
  },
};
