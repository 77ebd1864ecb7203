import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt } from '../support/completion';
import { domainXml } from '../support/domainXml';

const disk = (inside: string, attributes = " type='file' device='disk'") => `    <disk${attributes}>\n      ${inside}\n    </disk>`;

describe('completion of element names', () => {
  it('offers the elements libvirt allows at the cursor, not others', () => {
    const { labels } = completeAt(domainXml({ devices: '    <|' }));
    for (const name of ['disk', 'interface', 'hostdev', 'controller', 'video', 'memballoon', 'tpm']) assert.ok(labels.includes(name), name);
    for (const name of ['vcpu', 'domain', 'target', 'os']) assert.ok(!labels.includes(name), name);
  });

  it('inserts an element with its typical attributes, first choices, required children and the document’s indentation', () => {
    const text = domainXml({ devices: '    <di|' });
    const accepted = completeAt(text).accept('disk');
    assert.ok(
      accepted.includes("    <disk type='file' device='disk'>\n      <target dev='' bus='virtio'/>\n      \n    </disk>\n"),
      accepted,
    );
    const hostdev = completeAt(domainXml({ devices: '    <|' })).accept('hostdev');
    assert.ok(hostdev.includes("    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source></source>\n"), hostdev);
  });

  it('inserts required children, as libvirt’s schema requires them', () => {
    const accepted = completeAt(domainXml({ devices: '    <lea|' })).accept('lease');
    assert.match(accepted, / {4}<lease>\n {6}<lockspace><\/lockspace>\n {6}<key><\/key>\n {6}<target path=''\/>\n {6}\n {4}<\/lease>/);
  });

  it('fills <os><type> with a usable machine and hvm', () => {
    const accepted = completeAt(domainXml({ os: '    <|' })).accept('type');
    assert.ok(accepted.includes("<type arch='x86_64' machine='q35'>hvm</type>"), accepted);
  });

  it('follows the document’s quote style', () => {
    const text = domainXml({ devices: '    <di|' }).replace(/'/g, '"');
    assert.ok(completeAt(text).accept('disk').includes('<disk type="file" device="disk">\n      <target dev="" bus="virtio"/>'));
  });

  it('works mid-typing in a document that is not well-formed', () => {
    // An unclosed <disk> before the cursor and a broken tag after it: the cursor is still inside <disk>.
    const broken =
      "<domain type='kvm'>\n  <name>x</name>\n  <devices>\n    <disk type='file' device='disk'>\n      <source file='/vm/a.qcow2'/>\n      <|\n    <interface type='network'\n</domain>";
    const { labels } = completeAt(broken);
    for (const name of ['target', 'driver', 'boot', 'address']) assert.ok(labels.includes(name), name);
    assert.ok(!labels.includes('disk'));
  });

  it('documents each element with a link to libvirt', () => {
    const item = completeAt(domainXml({ devices: '    <|' })).items.find((i) => i.label === 'hostdev');
    assert.match(JSON.stringify(item?.documentation), /passed through.*formatdomain\.html#usb-pci-scsi-devices/);
  });

  it('closes the innermost open element after </', () => {
    const completion = completeAt(
      "<domain type='kvm'>\n  <devices>\n    <disk type='file' device='disk'>\n      <target dev='vda' bus='virtio'/>\n    </|\n  </devices>\n</domain>",
    );
    assert.deepEqual(completion.labels, ['/disk']);
    assert.ok(completion.accept('/disk').includes("<target dev='vda' bus='virtio'/>\n    </disk>\n  </devices>"));
    assert.ok(
      completeAt("<domain type='kvm'>\n  <name>x</na|me>\n</domain>").accept('/name').includes('<name>x</name>\n</domain>'),
      'an end tag being retyped is replaced whole',
    );
  });

  it('offers nothing in free-form metadata', () => {
    assert.deepEqual(completeAt(domainXml({ extra: "  <metadata>\n    <app:x xmlns:app='urn:x'><|</app:x>\n  </metadata>" })).labels, []);
  });
});

describe('completion of attributes and values', () => {
  it('offers the attributes not written yet, required ones first', () => {
    const { labels } = completeAt(domainXml({ devices: "    <disk type='file' |>\n    </disk>" }));
    assert.ok(labels.includes('device'));
    assert.ok(!labels.includes('type'), 'already written');
    const hostdev = completeAt(domainXml({ devices: '    <hostdev |>\n    </hostdev>' })).labels;
    assert.ok(hostdev.includes('managed') && hostdev.includes('mode'));
  });

  it('inserts an attribute with the choice of its values', () => {
    const accepted = completeAt(domainXml({ devices: disk("<driver name='qemu' ca|/>") })).accept('cache');
    assert.ok(
      accepted.includes("<driver name='qemu' cache='default'/>") || accepted.includes("<driver name='qemu' cache='none'/>"),
      accepted,
    );
  });

  it('offers enumerated values, the usual one preselected', () => {
    const bus = completeAt(domainXml({ devices: disk("<target dev='vda' bus='|'/>") }));
    assert.deepEqual(bus.labels.slice(0, 1), ['virtio']);
    for (const value of ['sata', 'scsi', 'usb']) assert.ok(bus.labels.includes(value));
    assert.equal(bus.items[0]!.preselect, true);
    const cache = completeAt(domainXml({ devices: disk("<driver name='qemu' type='qcow2' cache='wr|'/>") })).labels;
    assert.ok(cache.includes('writeback') && cache.includes('none'));
    assert.deepEqual(completeAt(domainXml({ features: "    <hyperv mode='custom'><relaxed state='|'/></hyperv>" })).labels.sort(), [
      'off',
      'on',
    ]);
    assert.ok(completeAt(domainXml({ cpu: "  <cpu mode='|'/>" })).labels.includes('host-passthrough'));
    assert.ok(completeAt(domainXml({ os: "    <boot dev='|'/>" })).labels.includes('cdrom'));
    assert.ok(completeAt(domainXml({ memory: "  <memory unit='|'>4</memory>" })).labels.includes('GiB'));
    // Patterns, not lists, in libvirt's schema: the common values are suggested.
    const nic = completeAt(domainXml({ devices: "    <interface type='network'><model type='|'/></interface>" }));
    assert.deepEqual(nic.labels.slice(0, 3), ['virtio', 'e1000e', 'e1000']);
    assert.ok(
      completeAt(domainXml({ os: '' }).replace("machine='q35'", "machine='|'"))
        .labels.slice(0, 3)
        .join() === 'q35,pc,virt',
    );
    assert.ok(completeAt(domainXml({ cpu: "  <cpu mode='custom'><model>|</model></cpu>" })).labels.includes('Skylake-Client'));
  });

  it('replaces the value typed so far', () => {
    const accepted = completeAt(domainXml({ devices: disk("<target dev='vda' bus='vir|'/>") })).accept('virtio');
    assert.ok(accepted.includes("<target dev='vda' bus='virtio'/>"), accepted);
  });

  it('offers enumerated text', () => {
    const { labels } = completeAt(domainXml({ extra: '  <on_crash>|</on_crash>' }));
    assert.ok(labels.includes('destroy') && labels.includes('coredump-restart'));
  });
});
