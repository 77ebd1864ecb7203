import { domainXml } from '../support/domainXml';
import { testRule } from '../support/ruleTester';

const cpu = (inner: string, attributes = "mode='maximum'") =>
  domainXml({ extra: '  <vcpu>2</vcpu>', cpu: `  <cpu ${attributes}>\n${inner}\n  </cpu>` });
const vcpus = (list: string, count = 2) => domainXml({ extra: `  <vcpu>${count}</vcpu>\n  <vcpus>\n${list}\n  </vcpus>` });
const vcpu = (id: number, attributes: string) => `    <vcpu id='${id}' ${attributes}/>`;

testRule({
  rule: 'cpu-invalid',
  valid: [
    { name: 'the host cache with a maximum CPU', xml: cpu("    <cache mode='passthrough'/>") },
    { name: 'an emulated L3 cache', xml: cpu("    <cache level='3' mode='emulate'/>", "mode='custom'") },
    { name: 'no cache', xml: cpu("    <cache mode='disable'/>", "mode='host-model'") },
    { name: 'emulated address bits', xml: cpu("    <maxphysaddr mode='emulate' bits='42'/>") },
    { name: 'the host address bits', xml: cpu("    <maxphysaddr mode='passthrough'/>") },
    { name: 'migratable with a maximum CPU', xml: cpu('', "mode='maximum' migratable='on'") },
    {
      name: 'features of a named model',
      xml: cpu("    <model>qemu64</model>\n    <feature policy='require' name='sse4.2'/>", "mode='custom'"),
    },
    { name: 'features of host-model', xml: cpu("    <feature policy='disable' name='vmx'/>", "mode='host-model'") },
    {
      name: 'vCPUs online at boot and hotpluggable',
      xml: vcpus(`${vcpu(0, "enabled='yes' hotpluggable='no'")}\n${vcpu(1, "enabled='no' hotpluggable='yes'")}`),
    },
    {
      name: 'host-passthrough in an emulated guest: defined; its start is refused, which host-unsupported-value says',
      xml: cpu('', "mode='host-passthrough'"),
    },
    { name: 'one of two vCPUs online', xml: domainXml({ extra: "  <vcpu current='1'>2</vcpu>" }) },
  ],
  invalid: [
    {
      name: 'the host cache with a host-model CPU',
      xml: cpu("    <cache mode='«passthrough»'/>", "mode='host-model'"),
      libvirtSays: "CPU cache mode 'passthrough' can only be used with 'host-passthrough' / 'maximum' CPUs",
      noFix: 'changing the CPU mode is a choice for the user',
    },
    {
      name: 'an emulated L2 cache',
      xml: cpu("    <cache level='«2»' mode='emulate'/>"),
      libvirtSays: "CPU cache mode 'emulate' can only be used with level='3'",
      fixed: [{ title: "Set level='3'", output: cpu("    <cache level='3' mode='emulate'/>") }],
    },
    {
      name: 'a level with the host cache',
      xml: cpu("    <cache level='«3»' mode='passthrough'/>"),
      libvirtSays: "unsupported CPU cache level for mode 'passthrough'",
      fixed: [{ title: 'Remove level=', output: cpu("    <cache mode='passthrough'/>") }],
    },
    {
      name: 'two cache elements',
      xml: cpu("    <cache mode='passthrough'/>\n    <«cache» mode='disable'/>"),
      libvirtSays: 'at most one CPU cache element may be specified',
      noFix: 'which of the two is meant is for the user to say',
    },
    {
      name: 'bits with the host address bits',
      xml: cpu("    <maxphysaddr mode='passthrough' bits='«42»'/>"),
      libvirtSays: "CPU maximum physical address bits number specification cannot be used with mode='passthrough'",
      fixed: [
        { title: 'Remove bits=', output: cpu("    <maxphysaddr mode='passthrough'/>") },
        { title: "Change to mode='emulate'", output: cpu("    <maxphysaddr mode='emulate' bits='42'/>") },
      ],
    },
    {
      name: 'emulated address bits without bits',
      xml: cpu("    <maxphysaddr mode='«emulate»'/>"),
      libvirtSays: "if using CPU maximum physical address mode='emulate', bits= must be specified too",
      noFix: 'the number of bits is for the user to choose',
    },
    {
      name: 'maxphysaddr in an aarch64 guest',
      xml: domainXml({
        arch: 'aarch64',
        machine: 'virt',
        extra: '  <vcpu>2</vcpu>',
        cpu: "  <cpu mode='maximum'>\n    <«maxphysaddr» mode='passthrough'/>\n  </cpu>",
      }),
      libvirtSays: "CPU maximum physical address bits specification is not supported for 'aarch64' architecture",
      noFix: 'the element has no aarch64 equivalent',
    },
    {
      name: 'migratable with host-model',
      xml: cpu('', "mode='host-model' migratable='«on»'"),
      libvirtSays: "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode",
      fixed: [{ title: 'Remove migratable=', output: cpu('', "mode='host-model'") }],
    },
    {
      name: 'a vendor without a model',
      xml: cpu('    <«vendor»>Intel</vendor>', "mode='custom'"),
      libvirtSays: 'CPU vendor specified without CPU model',
      noFix: 'the model is for the user to choose',
    },
    {
      name: 'features without a model in custom mode',
      xml: cpu("    <«feature» policy='require' name='vmx'/>", "mode='custom'"),
      libvirtSays: 'Non-empty feature list specified without CPU model',
      noFix: 'host-model or a named model are both choices',
    },
    {
      name: 'a feature named twice',
      xml: cpu(
        "    <model>qemu64</model>\n    <feature policy='require' name='vmx'/>\n    <feature policy='disable' name='«vmx»'/>",
        "mode='custom'",
      ),
      libvirtSays: "CPU feature 'vmx' specified more than once",
      noFix: 'which policy is meant is for the user to say',
    },
    {
      name: 'no vCPU online at boot',
      xml: domainXml({ extra: "  <vcpu current='«0»'>2</vcpu>" }),
      libvirtSays: "vcpu 0 can't be offline",
      noFix: 'vcpu-current-exceeds and the schema cover the count',
    },
    {
      name: 'a <vcpus> id above the count',
      xml: vcpus(`${vcpu(0, "enabled='yes'")}\n    <vcpu id='«2»' enabled='yes'/>`),
      libvirtSays: "vcpu id '2' is out of range of maximum vcpu count",
      noFix: 'raising <vcpu> or removing the entry are both choices',
    },
    {
      name: 'vCPU 0 hotpluggable',
      xml: vcpus(`    <«vcpu» id='0' enabled='yes' hotpluggable='yes'/>\n${vcpu(1, "enabled='yes'")}`),
      libvirtSays: "vcpu0 can't be hotpluggable",
      noFix: 'left to the user',
    },
    {
      name: 'an offline vCPU that is not hotpluggable',
      xml: vcpus(`${vcpu(0, "enabled='yes' hotpluggable='no'")}\n    <«vcpu» id='1' enabled='no' hotpluggable='no'/>`),
      libvirtSays: "vcpu '1' is both offline and not hotpluggable",
      noFix: 'left to the user',
    },
    {
      name: 'order on some online vCPUs only',
      xml: vcpus(`${vcpu(0, "enabled='yes' hotpluggable='no' order='1'")}\n    <«vcpu» id='1' enabled='yes' hotpluggable='yes'/>`),
      libvirtSays: 'all vcpus must have either set or unset order',
      noFix: 'left to the user',
    },
    {
      name: '256 vCPUs without extended interrupt mode',
      xml: domainXml({ extra: '  <vcpu>«256»</vcpu>' }),
      libvirtSays: 'more than 255 vCPUs require extended interrupt mode enabled on the iommu device',
      noFix: 'the IOMMU needs the split I/O APIC too',
    },
  ],
});
