import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');

testRule({
  rule: 'memory-exceeds-host',
  valid: [{ name: '16 GiB on a 32 GiB host', xml: domainXml({ memory: "  <memory unit='GiB'>16</memory>" }), host: GPU_DESKTOP }],
  invalid: [
    {
      name: '64 GiB on a 32 GiB host',
      xml: domainXml({ memory: "  <memory unit='GiB'>«64»</memory>" }),
      host: GPU_DESKTOP,
      messages: ['64 GiB is more than the 31.28 GiB the host of qemu+ssh://root@gpu-desktop/system has'],
      noFix: 'how much memory the guest gets is for the user to choose',
    },
  ],
});
