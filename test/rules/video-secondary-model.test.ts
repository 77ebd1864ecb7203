import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const video = (type: string, extra = '') => `    <video>\n      <model type='${type}'${extra}/>\n    </video>`;

testRule({
  rule: 'video-secondary-model',
  libvirtSays: 'is only valid as primary video device',
  valid: [
    { name: 'a vga primary and a virtio second', xml: domainXml({ devices: `${video('vga')}\n${video('virtio')}` }) },
    { name: 'one vga', xml: domainXml({ devices: video('vga') }) },
  ],
  invalid: [
    {
      name: 'two vga devices',
      xml: domainXml({ devices: `${video('vga')}\n${video('«vga»')}` }),
      fixed: [{ title: "Change to 'virtio'", output: domainXml({ devices: `${video('vga')}\n${video('virtio')}` }) }],
    },
  ],
});
