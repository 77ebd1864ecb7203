import { existsSync } from 'node:fs';
import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const aarch64 = { arch: 'aarch64', machine: 'virt' };
const noKvmHere = existsSync('/dev/kvm') ? undefined : { skip: "this machine has no /dev/kvm, so libvirt refuses every type='kvm' domain" };
const noPpc64 = existsSync('/usr/bin/qemu-system-ppc64') ? undefined : { skip: 'no qemu-system-ppc64 on this machine' };

testRule({
  rule: 'feature-machine-mismatch',
  valid: [
    { name: 'a GIC on aarch64 virt', xml: domainXml({ ...aarch64, features: "    <gic version='3'/>" }) },
    {
      name: 'Hyper-V on aarch64 virt',
      xml: domainXml({ ...aarch64, features: "    <hyperv>\n      <relaxed state='on'/>\n    </hyperv>" }),
    },
    { name: 'an I/O APIC driver on q35', xml: domainXml({ features: "    <ioapic driver='qemu'/>" }) },
    { name: 'vmport off on q35', xml: domainXml({ features: "    <vmport state='off'/>" }) },
    { name: 'vmport on pc', xml: domainXml({ machine: 'pc', features: "    <vmport state='on'/>" }) },
    {
      name: 'an SMM TSEG of 48 MiB on q35',
      xml: domainXml({ features: "    <smm state='on'>\n      <tseg unit='MiB'>48</tseg>\n    </smm>" }),
    },
    {
      name: 'SMM off with a TSEG on pc (ignored)',
      xml: domainXml({ machine: 'pc', features: "    <smm state='off'>\n      <tseg unit='MiB'>48</tseg>\n    </smm>" }),
    },
    { name: 'the PMU off on x86', xml: domainXml({ features: "    <pmu state='off'/>" }) },
    {
      name: 'a TCG cache of 64 MiB on a qemu domain',
      xml: domainXml({ features: "    <tcg>\n      <tb-cache unit='MiB'>64</tb-cache>\n    </tcg>" }),
    },
    { name: 'an <apic eoi> on x86', xml: domainXml({ features: "    <apic eoi='on'/>" }) },
  ],
  invalid: [
    {
      name: 'a GIC on q35',
      xml: domainXml({ features: "    <«gic» version='3'/>" }),
      libvirtSays: "The 'gic' feature is not supported for architecture 'x86_64' or machine type",
      fixed: [{ title: 'Remove <gic>', output: domainXml({ features: '' }).replace('<features>\n\n', '<features>\n') }],
    },
    {
      name: 'an I/O APIC driver on aarch64',
      xml: domainXml({ ...aarch64, features: "    <ioapic driver='«kvm»'/>" }),
      libvirtSays: "The 'ioapic' feature is not supported for architecture 'aarch64' or machine type",
    },
    {
      name: 'vmport on aarch64',
      xml: domainXml({ ...aarch64, features: "    <«vmport» state='off'/>" }),
      libvirtSays: 'vmport is not available with this QEMU binary',
    },
    {
      name: 'pvspinlock on aarch64',
      xml: domainXml({ ...aarch64, features: "    <«pvspinlock» state='on'/>" }),
      libvirtSays: "The 'pvspinlock' feature is not supported for architecture 'aarch64' or machine type",
    },
    {
      name: 'the paravirtual EOI on aarch64',
      xml: domainXml({ ...aarch64, features: "    <apic eoi='«on»'/>" }),
      libvirtSays: "The 'eoi' attribute of the 'apic' feature is not supported for architecture 'aarch64' or machine type",
    },
    {
      name: 'HTM (a pSeries feature) on q35',
      xml: domainXml({ features: "    <«htm» state='on'/>" }),
      libvirtSays: "The 'htm' feature is not supported for architecture 'x86_64' or machine type",
    },
    {
      name: 'HPT resizing on q35',
      xml: domainXml({ features: "    <«hpt» resizing='enabled'/>" }),
      libvirtSays: "The 'hpt' feature is not supported for architecture 'x86_64' or machine type",
    },
    {
      name: 'cfpc on aarch64',
      xml: domainXml({ ...aarch64, features: "    <«cfpc» value='workaround'/>" }),
      libvirtSays: "The 'cfpc' feature is not supported for architecture 'aarch64' or machine type",
    },
    {
      name: 'an SMM TSEG on pc',
      xml: domainXml({ machine: 'pc', features: "    <smm state='on'>\n      <«tseg» unit='MiB'>48</tseg>\n    </smm>" }),
      libvirtSays: 'SMM TSEG is only supported with q35 machine type',
      fixed: [{ title: 'Remove <tseg>', output: domainXml({ machine: 'pc', features: "    <smm state='on'>\n    </smm>" }) }],
    },
    {
      name: 'an SMM TSEG of 1536 KiB',
      xml: domainXml({ features: "    <smm>\n      <«tseg» unit='KiB'>1536</tseg>\n    </smm>" }),
      libvirtSays: 'SMM TSEG size must be divisible by 1 MiB',
      fixed: [{ title: 'Change to 2 MiB', output: domainXml({ features: "    <smm>\n      <tseg unit='MiB'>2</tseg>\n    </smm>" }) }],
    },
    {
      name: 'TCG settings in a KVM domain',
      xml: domainXml({ type: 'kvm', features: "    <«tcg»>\n      <tb-cache unit='MiB'>64</tb-cache>\n    </tcg>" }),
      libvirtSays: "TCG features are incompatible with domain type 'kvm'",
      libvirt: noKvmHere,
    },
    {
      name: 'a TCG cache of 1536 KiB',
      xml: domainXml({ features: "    <tcg>\n      <«tb-cache» unit='KiB'>1536</tb-cache>\n    </tcg>" }),
      libvirtSays: 'tb-cache size must be an integer multiple of MiB',
      noFix: 'how large a cache is wanted is for the user to say',
    },
    {
      name: 'the PMU off on POWER',
      xml: domainXml({ arch: 'ppc64', machine: 'pseries', features: "    <pmu state='«off»'/>" }),
      libvirtSays: "PMU is always enabled for architecture 'ppc64'",
      libvirt: noPpc64,
    },
    {
      name: 'Hyper-V on POWER',
      xml: domainXml({ arch: 'ppc64', machine: 'pseries', features: "    <«hyperv»>\n      <relaxed state='on'/>\n    </hyperv>" }),
      libvirtSays: "Hyperv features are not supported for architecture 'ppc64' or machine type",
      libvirt: noPpc64,
    },
  ],
});
