import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';
import { testRule } from '../support/ruleTester';

// no-iommu is this kind of machine as its real libvirt 9.0 / QEMU 7.2 reports itself: the real daemon agrees.
const THIS_KIND = recordedHostFacts('no-iommu', undefined, [
  { virttype: 'qemu', arch: 'x86_64', machine: 'q35' },
  { virttype: 'kvm', arch: 'x86_64', machine: 'q35' },
]);
const START_ONLY = { skip: 'libvirt accepts the definition and refuses the start: test/libvirt/hostRulesStart.test.ts starts it' };
const fs = (driver: string) =>
  `    <filesystem type='mount' accessmode='passthrough'>\n      <driver type='${driver}'/>\n      <source dir='/srv'/>\n      <target dir='srv'/>\n    </filesystem>`;
const tpm = (model: string) => `    <tpm model='${model}'>\n      <backend type='emulator' version='2.0'/>\n    </tpm>`;
const cpu = (attributes: string, model?: string) =>
  `  <cpu${attributes}>${model === undefined ? '' : `\n    <model>${model}</model>\n  `}</cpu>`;

testRule({
  rule: 'host-unsupported-value',
  valid: [
    { name: "the host's versioned q35", xml: domainXml({ machine: 'pc-q35-7.2' }), host: THIS_KIND },
    { name: 'the unversioned alias', xml: domainXml({ machine: 'q35' }), host: THIS_KIND },
    { name: "255 vCPUs, i440fx's most", xml: domainXml({ machine: 'pc', extra: '  <vcpu>255</vcpu>' }), host: THIS_KIND },
    {
      name: "no host facts: nothing is claimed (this machine's libvirt refuses it all the same)",
      xml: domainXml({ machine: 'pc-q35-9.2' }),
      libvirt: 'rejects',
      libvirtSays: 'does not support machine type',
    },
    { name: 'a TPM 2.0 emulated by swtpm, which the host has', xml: domainXml({ devices: tpm('tpm-crb') }), host: THIS_KIND },
    { name: 'virtiofs, which QEMU lists', xml: domainXml({ devices: fs('path') }), host: THIS_KIND },
    { name: 'a KVM guest with the host CPU', xml: domainXml({ type: 'kvm', cpu: cpu(" mode='host-passthrough'") }), host: THIS_KIND },
    { name: 'a named model the emulated CPU provides', xml: domainXml({ cpu: cpu(" mode='custom'", 'Westmere') }), host: THIS_KIND },
  ],
  invalid: [
    {
      name: 'more vCPUs than the machine type takes',
      xml: domainXml({ machine: 'pc', extra: '  <vcpu>«300»</vcpu>' }),
      host: THIS_KIND,
      messages: [/300 vCPUs, and machine type 'pc' on .* takes at most 255: libvirt refuses the definition/],
      libvirtSays: 'Maximum CPUs greater than specified machine type limit 255',
      fixed: [{ title: 'Set <vcpu> to 255', output: domainXml({ machine: 'pc', extra: '  <vcpu>255</vcpu>' }) }],
    },
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
    {
      name: 'a PowerPC TPM on x86_64',
      xml: domainXml({ devices: tpm('«tpm-spapr»') }),
      host: THIS_KIND,
      messages: [
        /does not support TPM model 'tpm-spapr'.*libvirt refuses the definition \("The QEMU executable .* does not support TPM model tpm-spapr"\)/,
      ],
      libvirtSays: 'does not support TPM model tpm-spapr',
    },
    {
      name: "LXC's loop filesystem driver on QEMU",
      xml: domainXml({ devices: fs('«loop»') }),
      host: THIS_KIND,
      messages: [/does not support filesystem driver 'loop' \(it lists 'path', 'handle', 'virtiofs'\): libvirt refuses the definition/],
      libvirtSays: 'Cannot automatically add a new PCI bus for a device with connect flags 00',
    },
    {
      name: 'a Xen disk bus: accepted at define, refused at start',
      xml: domainXml({
        devices:
          "    <disk type='file' device='disk'>\n      <source file='/var/lib/libvirt/images/a.img'/>\n      <target dev='xvda' bus='«xen»'/>\n    </disk>",
      }),
      host: THIS_KIND,
      messages: [
        /does not support disk bus 'xen'.*libvirt accepts the definition but refuses to start it \("unsupported disk bus 'xen' with device setup"\)/,
      ],
      libvirt: START_ONLY,
    },
    {
      name: 'vhost-scsi without the vhost_scsi module',
      xml: domainXml({
        devices:
          "    <hostdev mode='subsystem' type='«scsi_host»'>\n      <source protocol='vhost' wwpn='naa.5001405df3e54061'/>\n    </hostdev>",
      }),
      host: THIS_KIND,
      messages: [/does not support hostdev type 'scsi_host'.*refuses to start it.*modprobe vhost_scsi/],
      libvirt: START_ONLY,
      noFix: 'the host needs a module, not the document another value',
    },
    {
      name: 'host-passthrough on an emulated (TCG) guest',
      xml: domainXml({ cpu: cpu(" mode='«host-passthrough»'") }),
      host: THIS_KIND,
      messages: [
        /does not support CPU mode 'host-passthrough'.*refuses to start it \("CPU mode 'host-passthrough' for x86_64 qemu domain on x86_64 host is not supported by hypervisor"\)/,
      ],
      libvirt: START_ONLY,
    },
    {
      name: 'a KVM guest with a CPU model this host cannot run',
      xml: domainXml({ type: 'kvm', cpu: cpu(" mode='custom' match='exact'", '«Skylake-Server»') }),
      host: THIS_KIND,
      messages: [/cannot run CPU model 'Skylake-Server'.*refuses to start it \("the CPU is incompatible with host CPU/],
      libvirt: START_ONLY,
      noFix: "which CPU the guest should see is the user's choice (the message names the host's own and models it can run)",
    },
    {
      name: "the same with check='none': starts with fewer features",
      xml: domainXml({ type: 'kvm', cpu: cpu(" mode='custom' match='exact' check='none'", '«Skylake-Server»') }),
      host: THIS_KIND,
      messages: [/cannot provide CPU model 'Skylake-Server'.*with check='none' libvirt starts the guest/],
      libvirt: 'accepts',
      noFix: "which CPU the guest should see is the user's choice",
    },
    {
      name: 'an emulated guest with a model TCG cannot fully provide: starts with fewer features',
      xml: domainXml({ cpu: cpu(" mode='custom'", '«Skylake-Server»') }),
      host: THIS_KIND,
      messages: [
        /cannot provide CPU model 'Skylake-Server' \(libvirt lists it usable='no' for qemu\): libvirt starts an emulated guest anyway/,
      ],
      libvirt: 'accepts',
      noFix: "which CPU the guest should see is the user's choice",
    },
    {
      name: 'a misspelt CPU model',
      xml: domainXml({ cpu: cpu(" mode='custom'", '«Westmer»') }),
      host: THIS_KIND,
      messages: [/has no CPU model 'Westmer'.*refuses to start it \("Unknown CPU model Westmer"\).*Did you mean 'Westmere'/],
      libvirt: START_ONLY,
    },
  ],
});
