import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');
const cputune = (inside: string) => `  <vcpu placement='static'>4</vcpu>\n  <cputune>\n${inside}\n  </cputune>`;

testRule({
  rule: 'vcpupin-outside-host',
  valid: [
    {
      name: 'vCPUs on host CPUs 4-7, the emulator on 0-1',
      xml: domainXml({
        extra: cputune("    <vcpupin vcpu='0' cpuset='4'/>\n    <vcpupin vcpu='1' cpuset='12'/>\n    <emulatorpin cpuset='0-1'/>"),
      }),
      host: GPU_DESKTOP,
    },
    { name: 'no host facts: nothing is claimed', xml: domainXml({ extra: cputune("    <vcpupin vcpu='0' cpuset='63'/>") }) },
  ],
  invalid: [
    {
      name: 'pins copied from a 32-thread host',
      xml: domainXml({ extra: cputune("    <vcpupin vcpu='0' cpuset='«16»'/>\n    <emulatorpin cpuset='«0-1,24-25»'/>") }),
      host: GPU_DESKTOP,
      messages: ['has CPUs 0-15; <vcpupin> names 16: libvirt accepts the definition but refuses to start it', '<emulatorpin> names 24,25'],
      libvirt: { skip: 'libvirt accepts the definition and refuses to start it on the recorded host' },
      noFix: 'which host CPUs to use is for the user to choose',
    },
  ],
});
