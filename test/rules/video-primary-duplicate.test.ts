import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

testRule({
  rule: 'video-primary-duplicate',
  libvirtSays: 'Only one primary video device is supported',
  valid: [
    {
      name: 'one primary',
      xml: domainXml({ devices: "    <video><model type='qxl' primary='yes'/></video>\n    <video><model type='virtio'/></video>" }),
    },
    { name: 'no primary attribute', xml: domainXml({ devices: "    <video><model type='virtio'/></video>" }) },
  ],
  invalid: [
    {
      name: 'two primaries',
      xml: domainXml({
        devices: "    <video><model type='qxl' primary='«yes»'/></video>\n    <video><model type='virtio' primary='«yes»'/></video>",
      }),
      messages: ["2 video devices are primary='yes'"],
    },
  ],
});
