import { existsSync } from 'node:fs';
import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const noKvmHere = existsSync('/dev/kvm') ? undefined : { skip: "this machine has no /dev/kvm, so libvirt refuses every type='kvm' domain" };
const EMULATOR = '    <emulator>/usr/bin/qemu-system-x86_64</emulator>';

testRule({
  rule: 'domain-type-unsupported',
  valid: [
    { name: 'an emulated QEMU domain', xml: domainXml({ devices: EMULATOR }) },
    { name: 'a KVM domain', xml: domainXml({ type: 'kvm', devices: EMULATOR }), libvirt: noKvmHere },
    {
      name: "a Xen domain with Xen's machine (for the Xen driver)",
      xml: domainXml({ type: 'xen', machine: 'xenfv' }),
      libvirt: { skip: 'a Xen domain: the QEMU driver here is not its driver' },
    },
  ],
  invalid: [
    {
      name: "type='xen' with a QEMU emulator",
      xml: domainXml({ type: '«xen»', devices: EMULATOR }),
      libvirtSays: "Emulator '/usr/bin/qemu-system-x86_64' does not support virt type 'xen'",
      fixed: [{ title: "Change to type='qemu' (emulated)", output: domainXml({ devices: EMULATOR }) }],
    },
    {
      name: "type='vbox' on a q35 machine",
      xml: domainXml({ type: '«vbox»' }),
      libvirtSays: "does not support virt type 'vbox'",
    },
  ],
});
