import type { HostFacts } from '../../server/src/service/hostFacts';
import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
/** The desktop as a two-node host: 16 GiB on each node. */
const TWO_NODES: HostFacts = {
  ...GPU_DESKTOP,
  cells: [
    { id: 0, memoryKiB: 16 * 1024 * 1024, pages: [] },
    { id: 1, memoryKiB: 16 * 1024 * 1024, pages: [] },
  ],
};
const numatune = (mode: string, nodeset: string) => `  <numatune>\n    <memory mode='${mode}' nodeset='${nodeset}'/>\n  </numatune>`;

testRule({
  rule: 'memory-exceeds-host',
  valid: [
    { name: '16 GiB on a 32 GiB host', xml: domainXml({ memory: "  <memory unit='GiB'>16</memory>" }), host: GPU_DESKTOP },
    {
      name: '24 GiB over both nodes, or preferring one',
      xml: domainXml({ memory: "  <memory unit='GiB'>24</memory>", extra: numatune('preferred', '0') }),
      host: TWO_NODES,
    },
  ],
  invalid: [
    {
      name: '64 GiB on a 32 GiB host',
      xml: domainXml({ memory: "  <memory unit='GiB'>«64»</memory>" }),
      host: GPU_DESKTOP,
      messages: ['64 GiB is more than the 31.28 GiB the host of qemu+ssh://root@gpu-desktop/system has'],
      noFix: 'how much memory the guest gets is for the user to choose',
    },
    {
      name: '24 GiB held to one 16 GiB node by strict numatune',
      xml: domainXml({ memory: "  <memory unit='GiB'>«24»</memory>", extra: numatune('strict', '1') }),
      host: TWO_NODES,
      messages: ["24 GiB is more than the 16 GiB of NUMA node 1 on qemu+ssh://root@gpu-desktop/system, and <numatune mode='strict'>"],
      noFix: 'how much memory the guest gets is for the user to choose',
    },
  ],
});
