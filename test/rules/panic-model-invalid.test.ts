import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const arm = (devices: string) => domainXml({ arch: 'aarch64', machine: 'virt', devices });
const isaAddress = "<address type='isa' iobase='0x505'/>";

testRule({
  rule: 'panic-model-invalid',
  valid: [
    { name: 'the default (isa) panic on x86', xml: domainXml({ devices: '    <panic/>' }) },
    { name: 'an isa panic at its port', xml: domainXml({ devices: `    <panic model='isa'>\n      ${isaAddress}\n    </panic>` }) },
    { name: 'Hyper-V crash reporting on x86', xml: domainXml({ devices: "    <panic model='hyperv'/>" }) },
    { name: 'both on x86', xml: domainXml({ devices: "    <panic model='hyperv'/>\n    <panic model='isa'/>" }) },
  ],
  invalid: [
    {
      name: 'an unknown model',
      xml: domainXml({ devices: "    <panic model='«pvpanic»'/>" }),
      libvirtSays: "unknown panic model 'pvpanic'",
      fixed: [{ title: "Change to model='isa'", output: domainXml({ devices: "    <panic model='isa'/>" }) }],
    },
    {
      name: 'the s390 panic on x86',
      xml: domainXml({ devices: "    <panic model='«s390»'/>" }),
      libvirtSays: "only S390 guests support panic device of model 's390'",
      fixed: [{ title: "Change to model='isa'", output: domainXml({ devices: "    <panic model='isa'/>" }) }],
    },
    {
      name: 'the pSeries panic on x86',
      xml: domainXml({ devices: "    <panic model='«pseries»'/>" }),
      libvirtSays: "only pSeries guests support panic device of model 'pseries'",
      fixed: [{ title: "Change to model='isa'", output: domainXml({ devices: "    <panic model='isa'/>" }) }],
    },
    {
      name: 'Hyper-V crash reporting on aarch64',
      xml: arm("    <panic model='«hyperv»'/>"),
      libvirtSays: "only i686 and x86_64 guests support panic device of model 'hyperv'",
      fixed: [{ title: 'Remove the <panic>', output: arm('') }],
    },
    {
      name: 'the default (isa) panic on aarch64',
      xml: arm('    <«panic»/>'),
      libvirtSays: 'the QEMU binary does not support the ISA panic device',
      fixed: [{ title: 'Remove the <panic>', output: arm('') }],
    },
    {
      name: 'an address on the Hyper-V panic',
      xml: domainXml({ devices: `    <panic model='hyperv'>\n      <«address» type='isa' iobase='0x505'/>\n    </panic>` }),
      libvirtSays: "setting the panic device address is not supported for model 'hyperv'",
      fixed: [{ title: 'Remove the <address>', output: domainXml({ devices: "    <panic model='hyperv'>\n    </panic>" }) }],
    },
    {
      name: 'an isa panic on a PCI address',
      xml: domainXml({
        devices:
          "    <panic model='isa'>\n      <address type='«pci»' domain='0x0000' bus='0x00' slot='0x0a' function='0x0'/>\n    </panic>",
      }),
      libvirtSays: 'panic is supported only with ISA address type',
      fixed: [{ title: 'Remove the <address>', output: domainXml({ devices: "    <panic model='isa'>\n    </panic>" }) }],
    },
    {
      name: 'an address on the pSeries panic',
      xml: domainXml({
        arch: 'ppc64le',
        machine: 'pseries',
        devices: `    <panic model='pseries'>\n      <«address» type='isa' iobase='0x505'/>\n    </panic>`,
      }),
      hostArch: 'ppc64le',
      libvirt: { skip: 'no ppc64 emulator on this host' },
      fixed: [
        {
          title: 'Remove the <address>',
          output: domainXml({ arch: 'ppc64le', machine: 'pseries', devices: "    <panic model='pseries'>\n    </panic>" }),
        },
      ],
    },
  ],
});
