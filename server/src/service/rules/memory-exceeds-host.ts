import { messages } from '../../l10n/message';
import { connectedHost, connectionName } from '../hostFacts';
import { confiningNumaNodes } from '../hostMemory';
import { DOCS } from '../libvirtDocs';
import { formatBytes } from '../model/sizeUnits';
import { textOrTagSpan } from '../validation/spans';
import type { Rule } from './rule';

const M = messages('memory-exceeds-host', {
  moreThanHost:
    '{size} is more than the {hostSize} the host of {connection} has: the guest will push the host into swap or be killed when it uses it.',
  moreThanNode:
    "{size} is more than the {nodeSize} of NUMA node {nodes} on {connection}, and <numatune mode='{mode}'> keeps the guest's memory there: it will be killed when it uses it. Use mode='preferred' or more nodes.",
  moreThanNodes:
    "{size} is more than the {nodeSize} of NUMA nodes {nodes} on {connection}, and <numatune mode='{mode}'> keeps the guest's memory there: it will be killed when it uses it. Use mode='preferred' or more nodes.",
});

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
        message: M.moreThanHost({ size: formatBytes(memory.size.bytes), hostSize: formatBytes(hostBytes), connection: where }),
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
      message: (nodeset!.length > 1 ? M.moreThanNodes : M.moreThanNode)({
        size: formatBytes(memory.size.bytes),
        nodeSize: formatBytes(nodeBytes),
        nodes: nodeset!.join(','),
        connection: where,
        mode: confined!.mode,
      }),
    });
  },
};
