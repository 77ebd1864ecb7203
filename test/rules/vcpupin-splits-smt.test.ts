import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

// The GPU desktop's siblings are (n, n+8): 4 and 12 are one core.
const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const smt = (pins: string) =>
  domainXml({
    extra: `  <vcpu placement='static'>4</vcpu>\n  <cputune>\n${pins}\n  </cputune>`,
    cpu: "  <cpu mode='host-passthrough'>\n    <topology sockets='1' dies='1' cores='2' threads='2'/>\n  </cpu>",
  });

testRule({
  rule: 'vcpupin-splits-smt',
  valid: [
    {
      name: "each guest core on one host core's two threads",
      xml: smt(
        "    <vcpupin vcpu='0' cpuset='4'/>\n    <vcpupin vcpu='1' cpuset='12'/>\n    <vcpupin vcpu='2' cpuset='5'/>\n    <vcpupin vcpu='3' cpuset='13'/>",
      ),
      host: GPU_DESKTOP,
    },
  ],
  invalid: [
    {
      name: 'guest threads spread over host cores',
      xml: smt("    <vcpupin vcpu='0' cpuset='4'/>\n    <«vcpupin» vcpu='1' cpuset='5'/>"),
      host: GPU_DESKTOP,
      messages: [
        'vCPUs 0 and 1 are threads of guest core 0 but are pinned to host CPUs 4 (siblings 4,12), 5 (siblings 5,13), which are not siblings',
      ],
      noFix: 'which host CPUs to use is for the user to choose',
    },
  ],
});
