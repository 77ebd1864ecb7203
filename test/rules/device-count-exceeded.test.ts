import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const BALLOON = "    <memballoon model='virtio'/>";
const AUDIO = "    <audio id='1' type='none'/>";

testRule({
  rule: 'device-count-exceeded',
  valid: [
    { name: 'one balloon', xml: domainXml({ devices: BALLOON }) },
    { name: 'two audio backends with their own ids', xml: domainXml({ devices: `${AUDIO}\n    <audio id='2' type='none'/>` }) },
  ],
  invalid: [
    {
      name: 'two balloons',
      xml: domainXml({ devices: `${BALLOON}\n    <«memballoon» model='virtio'/>` }),
      libvirtSays: 'only a single memory balloon device is supported',
      fixed: [{ title: 'Remove this <memballoon>', output: domainXml({ devices: BALLOON }) }],
    },
    {
      name: 'one audio id twice',
      xml: domainXml({ devices: `${AUDIO}\n    <audio id='«1»' type='none'/>` }),
      libvirtSays: 'audio ID 1 is used multiple times',
      noFix: 'which id each backend gets is for the user to say',
    },
  ],
});
