import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainXml } from '../support/domainXml';
import { fixOutcomes, testRule } from '../support/ruleTester';

const disk = (inside: string, attributes = '') => `    <disk type='file' device='disk'${attributes}>
      ${inside}
      <source file='/var/lib/libvirt/images/a.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>`;

testRule({
  rule: 'schema',
  valid: [
    {
      name: 'a typical domain',
      xml: domainXml({
        features: '    <acpi/>\n    <apic/>',
        cpu: "  <cpu mode='host-passthrough' check='none' migratable='on'/>",
        devices:
          disk("<driver name='qemu' type='qcow2' cache='none' io='native' discard='unmap'/>") +
          "\n    <interface type='network'><source network='default'/><model type='virtio'/></interface>\n    <video><model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/></video>",
      }),
    },
    {
      name: 'hex and decimal numbers where libvirt takes either',
      xml: domainXml({
        devices: "    <controller type='pci' index='1' model='pcie-root-port'>\n      <target chassis='1' port='0x10'/>\n    </controller>",
      }),
    },
    {
      name: 'free-form metadata and the qemu namespace',
      xml: domainXml({
        extra: "  <metadata>\n    <app:info xmlns:app='http://example.org/app'><anything at='all'/></app:info>\n  </metadata>",
      })
        .replace("<domain type='qemu'>", "<domain type='qemu' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>")
        .replace('</domain>', "  <qemu:commandline>\n    <qemu:arg value='-no-hpet'/>\n  </qemu:commandline>\n</domain>"),
    },
    {
      name: 'the qemu namespace as a default namespace',
      xml: domainXml().replace(
        '</domain>',
        "  <commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'>\n    <arg value='-no-hpet'/>\n  </commandline>\n</domain>",
      ),
    },
    {
      name: 'lifecycle actions and a vCPU count',
      xml: domainXml({ extra: "  <vcpu placement='static'>4</vcpu>\n  <on_poweroff>destroy</on_poweroff>" }),
    },
  ],
  invalid: [
    {
      name: 'a misspelt attribute',
      xml: domainXml({ devices: disk("<driver name='qemu' type='qcow2' «cahce»='none'/>") }),
      messages: ["Unknown attribute 'cahce' on <driver>: libvirt ignores it and drops it on define. Did you mean 'cache'?"],
      fixed: [{ title: "Rename to 'cache'", output: domainXml({ devices: disk("<driver name='qemu' type='qcow2' cache='none'/>") }) }],
    },
    {
      name: 'a driver attribute written on the disk',
      xml: domainXml({ devices: disk("<driver name='qemu' type='qcow2'/>", " «cache»='none'") }),
      messages: ["Unknown attribute 'cache' on <disk>: libvirt ignores it and drops it on define. It belongs on <driver>."],
      fixed: [
        { title: "Move to <driver cache='none'>", output: domainXml({ devices: disk("<driver name='qemu' type='qcow2' cache='none'/>") }) },
      ],
    },
    {
      name: 'the NIC model written as an attribute (the guest silently gets rtl8139)',
      xml: domainXml({ devices: "    <interface type='network' «model»='virtio'>\n      <source network='default'/>\n    </interface>" }),
      messages: ["Write it as <model type='virtio'/>."],
      fixed: [
        {
          title: "Move to <model type='virtio'>",
          output: domainXml({
            devices: "    <interface type='network'>\n      <source network='default'/>\n      <model type='virtio'/>\n    </interface>",
          }),
        },
      ],
    },
    {
      name: 'an element in the wrong place',
      xml: domainXml({ devices: disk("<driver name='qemu' type='qcow2'/>\n      <«boot_order» order='1'/>") }),
      messages: ['Unknown element <boot_order> in <disk>: libvirt ignores it and drops it on define.'],
      fixed: [{ title: 'Remove <boot_order>', output: domainXml({ devices: disk("<driver name='qemu' type='qcow2'/>") }) }],
    },
    {
      name: 'a misspelt element with an end tag',
      xml: domainXml({ extra: '  <«descripton»>web server</descripton>' }),
      messages: ['Did you mean <description>?'],
      fixed: [{ title: 'Rename to <description>', output: domainXml({ extra: '  <description>web server</description>' }) }],
    },
    {
      name: 'an unknown feature is refused',
      xml: domainXml({ features: '    <acpi/>\n    <«hidden»/>' }),
      messages: ['Unknown element <hidden> in <features>: libvirt refuses the domain ("unexpected feature \'hidden\'").'],
      libvirtSays: "unexpected feature 'hidden'",
    },
    {
      name: 'an unknown Hyper-V enlightenment is refused',
      xml: domainXml({
        features:
          "    <hyperv mode='custom'>\n      <relaxed state='on'/>\n      <«vendorid» state='on' value='0123456789ab'/>\n    </hyperv>",
      }),
      messages: ['Did you mean <vendor_id>?'],
      libvirtSays: 'unsupported HyperV Enlightenment feature: vendorid',
      fixed: [
        {
          title: 'Rename to <vendor_id>',
          output: domainXml({
            features:
              "    <hyperv mode='custom'>\n      <relaxed state='on'/>\n      <vendor_id state='on' value='0123456789ab'/>\n    </hyperv>",
          }),
        },
      ],
    },
    {
      name: 'an enum value outside libvirt’s list',
      xml: domainXml({
        devices: disk("<driver name='qemu' type='qcow2'/>\n      <blockio logical_block_size='512'/>", " snapshot='«externel»'"),
      }),
      messages: [
        "'externel' is not a valid value for snapshot on <disk>. Did you mean 'external'? libvirt's schema expects one of: no, internal, external, manual.",
      ],
      libvirtSays: 'snapshot',
      fixed: [
        {
          title: "Change to 'external'",
          output: domainXml({
            devices: disk("<driver name='qemu' type='qcow2'/>\n      <blockio logical_block_size='512'/>", " snapshot='external'"),
          }),
        },
      ],
    },
    {
      name: 'a misspelt value of a required attribute (no "remove" fix: libvirt needs it)',
      xml: domainXml({ extra: "  <clock offset='utc'>\n    <timer name='«rtcc»' tickpolicy='catchup'/>\n  </clock>" }),
      messages: ["'rtcc' is not a valid value for name on <timer>. Did you mean 'rtc'?"],
      libvirtSays: "Invalid value for attribute 'name' in element 'timer': 'rtcc'",
      fixed: [
        {
          title: "Change to 'rtc'",
          output: domainXml({ extra: "  <clock offset='utc'>\n    <timer name='rtc' tickpolicy='catchup'/>\n  </clock>" }),
        },
      ],
    },
    {
      name: 'a malformed number',
      xml: domainXml({ devices: "    <video><model type='vga' vram='«16M»'/></video>" }),
      messages: ["'16M' is not a valid number for vram on <model>. libvirt's schema expects an unsigned integer."],
      libvirtSays: "cannot parse video vram '16M'",
      fixed: [
        {
          title: 'Remove the attribute (libvirt uses its default)',
          output: domainXml({ devices: "    <video><model type='vga'/></video>" }),
        },
      ],
    },
    {
      name: 'a number out of range',
      xml: domainXml({ os: "    <bootmenu enable='yes' timeout='«70000»'/>" }),
      messages: ["'70000' is not a valid number for timeout on <bootmenu>. libvirt's schema expects an integer from 0 to 65535."],
      libvirtSays: 'invalid value for boot menu timeout',
    },
    {
      name: "a VNC port outside the schema's range: libvirt's parser takes it (a warning)",
      xml: domainXml({ devices: "    <graphics type='vnc' port='«-2»'/>\n    <graphics type='spice' port='«70000»'/>" }),
      messages: [/'-2' .*libvirt's parser checks no such range here/, /'70000' .*libvirt's parser checks no such range here/],
      libvirt: 'accepts',
    },
    {
      name: 'a negative number where libvirt parses an unsigned one is refused',
      xml: domainXml({ devices: "    <controller type='usb' index='«-1»'/>" }),
      messages: ["'-1' is not a valid number for index on <controller>. libvirt's schema expects an unsigned integer."],
      libvirtSays: "Invalid value for attribute 'index' in element 'controller': '-1'. Expected non-negative value",
    },
    {
      name: "a balloon stats period below the schema's: libvirt takes it (a warning)",
      xml: domainXml({ devices: "    <memballoon model='virtio'>\n      <stats period='«-3»'/>\n    </memballoon>" }),
      messages: [/'-3' is not a valid number for period on <stats>/],
      libvirt: 'accepts',
      noFix: 'the period is required and only the user knows the one meant',
    },
    {
      name: "a file disk's <source type=…>, which only NVMe and vhost-user sources have: ignored (a warning)",
      xml: domainXml({
        devices: disk("<driver name='qemu' type='qcow2'/>").replace(
          "<source file='/var/lib/libvirt/images/a.qcow2'/>",
          "<source file='/var/lib/libvirt/images/a.qcow2' type='«file»'/>",
        ),
      }),
      messages: [
        /'file' is not a valid value for type on <source>.*libvirt reads it only for some forms of this element and may ignore it here/,
      ],
      libvirt: 'accepts',
    },
    {
      name: 'a malformed vCPU count in the text',
      xml: domainXml({ extra: "  <vcpu placement='static'>«4x»</vcpu>" }),
      messages: ["'4x' is not a valid number for <vcpu>."],
      libvirtSays: 'maximum vcpus count must be an integer',
      noFix: 'no number can be guessed from it',
    },
  ],
});

describe('schema rule fixes', () => {
  it('offers no removal of a required attribute', () => {
    const outcomes = fixOutcomes('schema', domainXml({ extra: "  <clock offset='utc'>\n    <timer name='rtcc'/>\n  </clock>" }));
    assert.deepEqual(
      outcomes.map((o) => o.title),
      ["Change to 'rtc'"],
    );
  });
});
