import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const disk = (bus: string, driver = "<driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap'/>") => `
    <disk type='file' device='disk'>
      ${driver}
      <source file='/vm/a.qcow2'/>
      <target dev='vda' bus=${bus}/>
    </disk>`;

testRule({
  rule: 'enum-value-invalid',
  valid: [
    {
      name: 'common values everywhere',
      xml: domainXml({
        cpu: "  <cpu mode='host-passthrough' check='none'>\n    <feature policy='disable' name='hypervisor'/>\n  </cpu>",
        features: "    <acpi/>\n    <hyperv mode='custom'><relaxed state='on'/></hyperv>\n    <kvm><hidden state='on'/></kvm>",
        devices:
          disk("'virtio'") +
          "\n    <memballoon model='none'/>\n    <video><model type='virtio'/></video>\n    <input type='tablet' bus='usb'/>",
      }),
    },
    {
      name: 'lifecycle actions',
      xml: domainXml({
        extra: '  <on_poweroff>destroy</on_poweroff>\n  <on_reboot>restart</on_reboot>\n  <on_crash>coredump-restart</on_crash>',
      }),
    },
    {
      name: 'an emulated NIC model libvirt does not list is still allowed (free-form)',
      xml: domainXml({ devices: "    <interface type='network'><source network='default'/><model type='ne2k_pci'/></interface>" }),
    },
  ],
  invalid: [
    {
      name: 'a misspelt bus',
      xml: domainXml({ devices: disk("'«virtoi»'") }),
      messages: [
        `'virtoi' is not a valid target bus: libvirt refuses the domain ("Invalid value for attribute 'bus' in element 'target': 'virtoi'."). Did you mean 'virtio'?`,
      ],
      libvirtSays: "Invalid value for attribute 'bus' in element 'target': 'virtoi'",
    },
    {
      name: 'a wrong cache mode',
      xml: domainXml({ devices: disk("'virtio'", "<driver name='qemu' type='qcow2' cache='«nocache»'/>") }),
      messages: ['libvirt accepts: writethrough, writeback, directsync, unsafe'],
    },
    {
      name: 'a capitalised CPU mode',
      xml: domainXml({ cpu: "  <cpu mode='«Host-Passthrough»'/>" }),
      messages: ["Did you mean 'host-passthrough'?"],
    },
    {
      name: 'a hyperv state of yes',
      xml: domainXml({ features: "    <hyperv mode='custom'><relaxed state='«yes»'/></hyperv>" }),
      messages: ["'yes' is not a valid relaxed state"],
    },
    {
      name: 'an unknown lifecycle action',
      xml: domainXml({ extra: '  <on_reboot>«reboot»</on_reboot>' }),
      messages: ["'reboot' is not a valid <on_reboot>"],
    },
    { name: 'an unknown domain type', xml: domainXml({ type: '«kmv»' }), messages: ["Did you mean 'kvm'?"] },
  ],
});
