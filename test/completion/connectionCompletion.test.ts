// Completion from the connection's host: its networks, pools, volumes and machine types (a recorded remote host).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt } from '../support/completion';
import { domainXml } from '../support/domainXml';
import { recordedHostFacts } from '../support/recordedHosts';

const GPU_DESKTOP = recordedHostFacts('gpu-desktop');

describe("completion from the connection's host", () => {
  it("offers the host's virtual networks in <source network=''>", () => {
    const completion = completeAt(
      domainXml({ devices: "    <interface type='network'>\n      <source network='|'/>\n    </interface>" }),
      GPU_DESKTOP,
    );
    assert.deepEqual(completion.labels.slice(0, 2), ['default', 'isolated']);
    assert.equal(completion.items[0]!.detail, 'virtual network on qemu+ssh://root@gpu-desktop/system');
  });

  it('offers its pools, then the volumes of the pool written', () => {
    const pool = completeAt(
      domainXml({ devices: "    <disk type='volume' device='disk'>\n      <source pool='|'/>\n    </disk>" }),
      GPU_DESKTOP,
    );
    assert.deepEqual(pool.labels.slice(0, 1), ['default']);
    assert.match(String(pool.items[0]!.detail), /\(2 volumes\)/);
    const volume = completeAt(
      domainXml({ devices: "    <disk type='volume' device='disk'>\n      <source pool='default' volume='|'/>\n    </disk>" }),
      GPU_DESKTOP,
    );
    assert.deepEqual(volume.labels.slice(0, 2), ['win10.qcow2', 'virtio-win.iso']);
    const accepted = volume.accept('win10.qcow2');
    assert.match(accepted, /<source pool='default' volume='win10\.qcow2'\/>/);
  });

  it('offers the machine types its QEMU has for the arch, aliases first', () => {
    const completion = completeAt(domainXml({ machine: '|' }), GPU_DESKTOP);
    const hostItems = completion.items.filter((item) => String(item.detail).includes('gpu-desktop')).map((item) => item.label);
    assert.ok(hostItems.indexOf('q35') < hostItems.indexOf('pc-q35-7.2'), hostItems.join(' '));
    assert.ok(hostItems.includes('pc-i440fx-7.2'));
    assert.ok(!hostItems.includes('pc-q35-9.2'));
  });

  it("offers the CPU models the host's hypervisor runs in <cpu><model>, none it lists usable='no'", () => {
    const host = recordedHostFacts('no-iommu', undefined, [{ virttype: 'qemu', arch: 'x86_64', machine: 'q35' }]);
    const completion = completeAt(domainXml({ cpu: "  <cpu mode='custom'>\n    <model>|</model>\n  </cpu>" }), host);
    const models = completion.items.filter((item) => String(item.detail).startsWith('CPU model')).map((item) => item.label);
    assert.ok(models.includes('Westmere') && models.includes('qemu64'), models.join(' '));
    assert.ok(!models.includes('Skylake-Server'), 'TCG here cannot provide Skylake-Server');
    assert.match(completion.accept('Westmere'), /<model>Westmere<\/model>/);
    assert.equal(
      completeAt(domainXml({ cpu: "  <cpu mode='custom'>\n    <model>|</model>\n  </cpu>" })).items.some((item) =>
        String(item.detail).startsWith('CPU model'),
      ),
      false,
    );
  });

  it('offers the emulators the host has for the arch in <emulator>', () => {
    const completion = completeAt(domainXml({ devices: '    <emulator>|</emulator>' }), GPU_DESKTOP);
    const emulators = completion.items.filter((item) => String(item.detail).includes('emulator on')).map((item) => item.label);
    assert.deepEqual(emulators, ['/usr/bin/qemu-system-x86_64']);
  });

  it('offers nothing of the kind without a connection', () => {
    const completion = completeAt(domainXml({ devices: "    <interface type='network'>\n      <source network='|'/>\n    </interface>" }));
    assert.ok(!completion.items.some((item) => String(item.detail).startsWith('virtual network on')));
  });
});

describe("enumerated values as the host's domain capabilities allow them", () => {
  const CAPS = recordedHostFacts('no-iommu', undefined, [{ virttype: 'kvm', arch: 'x86_64', machine: 'q35' }]);
  const kvm = (devices: string) => domainXml({ type: 'kvm', devices });

  it("leaves out disk buses the host's QEMU does not list (no xen, uml or ide on KVM q35)", () => {
    const labels = completeAt(kvm("    <disk type='file' device='disk'>\n      <target dev='vda' bus='|'/>\n    </disk>"), CAPS).labels;
    assert.ok(labels.includes('virtio') && labels.includes('sata') && labels.includes('scsi'), labels.join(' '));
    for (const bus of ['xen', 'uml', 'ide']) assert.ok(!labels.includes(bus), `${bus} offered: ${labels.join(' ')}`);
    const everywhere = completeAt(kvm("    <disk type='file' device='disk'>\n      <target dev='vda' bus='|'/>\n    </disk>")).labels;
    assert.ok(everywhere.includes('xen'), 'without host facts the schema offers every bus');
  });

  it('offers only the video models it lists', () => {
    const labels = completeAt(kvm("    <video>\n      <model type='|'/>\n    </video>"), CAPS).labels;
    assert.ok(labels.includes('virtio') && labels.includes('qxl'));
    assert.ok(!labels.includes('vbox') && !labels.includes('xen'), labels.join(' '));
  });
});
