import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

// no-iommu is this kind of machine as its real libvirt 9.0 / QEMU 7.2 reports itself: the real daemon agrees.
const THIS_KIND = recordedHostFacts('no-iommu', undefined, [{ virttype: 'qemu', arch: 'x86_64', machine: 'q35' }]);

testRule({
  rule: 'host-unsupported-value',
  valid: [
    { name: "the host's versioned q35", xml: domainXml({ machine: 'pc-q35-7.2' }), host: THIS_KIND },
    { name: 'the unversioned alias', xml: domainXml({ machine: 'q35' }), host: THIS_KIND },
    {
      name: "no host facts: nothing is claimed (this machine's libvirt refuses it all the same)",
      xml: domainXml({ machine: 'pc-q35-9.2' }),
      libvirt: 'rejects',
      libvirtSays: 'does not support machine type',
    },
  ],
  invalid: [
    {
      name: 'a machine type of a newer QEMU (copied from another host)',
      xml: domainXml({ machine: '«pc-q35-9.2»' }),
      host: THIS_KIND,
      messages: [/does not offer machine type 'pc-q35-9\.2': libvirt refuses the definition.*Use 'q35'/],
      libvirtSays: "does not support machine type 'pc-q35-9.2'",
    },
    {
      name: 'an architecture the host has no emulator for',
      xml: domainXml({ arch: '«sparc»', machine: 'q35' }),
      host: THIS_KIND,
      messages: ['has no emulator for sparc guests: libvirt refuses the definition ("No emulator found for arch \'sparc\'")'],
      libvirtSays: "No emulator found for arch 'sparc'",
      noFix: 'which architecture is meant is for the user to say',
    },
    {
      name: "VirtualBox's video model on QEMU",
      xml: domainXml({ devices: "    <video>\n      <model type='«vbox»'/>\n    </video>" }),
      host: THIS_KIND,
      messages: [/does not support video model 'vbox' .*libvirt refuses the definition/],
      libvirtSays: "does not support video model 'vbox'",
    },
    {
      name: 'RDP graphics on QEMU 7.2',
      xml: domainXml({ devices: "    <graphics type='«rdp»'/>" }),
      host: THIS_KIND,
      messages: [/does not support graphics type 'rdp'/],
      libvirtSays: 'rdp graphics are not supported with this QEMU',
    },
    {
      name: 'a Xen domain on a QEMU host',
      xml: domainXml({ type: '«xen»' }),
      host: THIS_KIND,
      messages: ["does not run x86_64 guests with type='xen'"],
      libvirtSays: "does not support virt type 'xen'",
    },
  ],
});
