import { existsSync } from 'node:fs';
import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

/** Without /dev/kvm libvirt refuses every type='kvm' domain; where it exists, these are defined too. */
const noKvmHere = existsSync('/dev/kvm') ? undefined : { skip: "this machine has no /dev/kvm, so libvirt refuses every type='kvm' domain" };

testRule({
  rule: 'arch-accel-mismatch',
  libvirtSays: "does not support virt type 'kvm'",
  valid: [
    { name: 'an x86_64 KVM guest on an x86_64 host', xml: domainXml({ type: 'kvm' }), libvirt: noKvmHere },
    { name: "an aarch64 guest emulated with TCG (the seed's setup)", xml: domainXml({ type: 'qemu', arch: 'aarch64', machine: 'virt' }) },
    {
      name: 'an aarch64 KVM guest on an aarch64 host',
      xml: domainXml({ type: 'kvm', arch: 'aarch64', machine: 'virt' }),
      hostArch: 'aarch64',
      libvirt: { skip: 'this host is x86_64' },
    },
    { name: "no arch given: the host's", xml: domainXml({ type: 'kvm' }).replace(" arch='x86_64'", ''), libvirt: noKvmHere },
  ],
  invalid: [
    {
      name: 'an aarch64 guest with KVM on x86_64',
      xml: domainXml({ type: '«kvm»', arch: 'aarch64', machine: 'virt' }),
      messages: [
        "KVM on this x86_64 host cannot run aarch64 guests: libvirt refuses the domain (\"Emulator '/usr/bin/qemu-system-aarch64'",
      ],
    },
    {
      name: 'an x86_64 guest with KVM on an aarch64 host',
      xml: domainXml({ type: '«kvm»' }),
      hostArch: 'aarch64',
      libvirt: { skip: 'this host is x86_64' },
    },
  ],
});
