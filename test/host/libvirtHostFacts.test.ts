// Host facts from libvirt's API over a connection: recorded hosts through a stand-in virsh (libvirt.virshPath),
// faulty ones, a hundred-device host, and the real qemu:///system daemon of this machine.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isLocalUri } from '../../server/src/host/libvirt/connectionUri';
import { createLibvirtHostFacts } from '../../server/src/host/libvirt/libvirtHostFacts';
import { parsePciNodeDevice } from '../../server/src/host/libvirt/nodeDeviceXml';
import { parseFreePages, parseNodeInfo, parseVolumeList } from '../../server/src/host/libvirt/virshListings';
import { createLocalHostFacts } from '../../server/src/host/localHostFacts';
import { parseBitmap } from '../../server/src/service/model/bitmap';
import { REPO_ROOT } from '../support/built';
import { hostWithManyDevices, standInVirsh } from '../support/recordedHosts';
import { LIBVIRT_TEST_URI } from '../support/virsh';

const REMOTE = 'qemu+ssh://root@gpu-box/system';

describe('host facts from libvirt over a connection', () => {
  it('reads a recorded GPU desktop through its virsh: CPUs, IOMMU, cells, guests, PCI devices, networks, pools', async () => {
    const source = createLibvirtHostFacts({ uri: REMOTE, virshPath: standInVirsh('gpu-desktop'), timeoutMs: 10_000 });
    const before = source.current();
    assert.equal(before.connection, undefined, 'nothing is claimed before the facts arrive');
    const facts = await source.settled();
    assert.equal(facts.unavailable, undefined);
    assert.deepEqual(facts.connection, { uri: REMOTE, local: false });
    assert.equal(facts.arch, 'x86_64');
    assert.equal(facts.cpuVendor, 'AMD');
    assert.equal(facts.iommu, true);
    assert.equal(facts.cpus?.length, 16);
    assert.deepEqual(facts.cpus?.find((cpu) => cpu.id === 3)?.siblings, [3, 11]);
    assert.equal(facts.memoryKiB, 32803776);
    assert.deepEqual(
      facts.cells?.[0]?.pages.find((pages) => pages.sizeKiB === 2048),
      { sizeKiB: 2048, total: 4096, free: 4096 },
    );
    const x86 = facts.guests?.find((guest) => guest.arch === 'x86_64');
    assert.equal(x86?.emulator, '/usr/bin/qemu-system-x86_64');
    assert.ok(x86?.machines.includes('q35') && x86.machines.includes('pc-q35-7.2'));
    // Each machine's vCPU limit, under its alias too (<machine canonical='pc-i440fx-7.2' maxCpus='255'>pc</machine>).
    assert.deepEqual([x86?.maxCpus?.pc, x86?.maxCpus?.['pc-i440fx-7.2'], x86?.maxCpus?.q35], [255, 255, 288]);
    assert.ok(x86?.domainTypes.includes('qemu'));
    const gpu = facts.pciDevices?.find((device) => device.address.bus === 0x27 && device.address.function === 0);
    assert.deepEqual(gpu, {
      address: { domain: 0, bus: 0x27, slot: 0, function: 0 },
      vendorId: '10de',
      deviceId: '2503',
      classCode: '030000',
      name: 'NVIDIA Corporation GA106 [GeForce RTX 3060]',
      iommuGroup: 16,
      iommuGroupMembers: [
        { domain: 0, bus: 0, slot: 3, function: 1 },
        { domain: 0, bus: 0x27, slot: 0, function: 0 },
        { domain: 0, bus: 0x27, slot: 0, function: 1 },
      ],
      driver: 'vfio-pci',
      sysfsPath: '/sys/devices/pci0000:00/0000:00:03.1/0000:27:00.0',
    });
    assert.equal(facts.pciDevices?.length, 7);
    assert.deepEqual(facts.blockDevices, [{ path: '/dev/nvme0n1', stable: false }]);
    assert.deepEqual(facts.networks, ['default', 'isolated']);
    assert.deepEqual(facts.pools, [{ name: 'default', volumes: ['win10.qcow2', 'virtio-win.iso'] }]);
    assert.equal(source.current(), facts, 'kept: the same facts until they change');
  });

  it('reads the domain capabilities documents ask for, once each', async () => {
    const source = createLibvirtHostFacts({ uri: REMOTE, virshPath: standInVirsh('gpu-desktop'), timeoutMs: 10_000 });
    const q35 = { virttype: 'kvm', arch: 'x86_64', machine: 'q35' };
    source.want({ domainCapabilities: [q35, { virttype: 'qemu', arch: 'aarch64', machine: 'virt' }] });
    const facts = await source.settled();
    assert.equal(facts.domainCapabilities?.length, 1, 'the host answers for x86_64 only');
    const caps = facts.domainCapabilities![0]!;
    assert.deepEqual(caps.request, q35);
    assert.equal(caps.machine, 'pc-q35-7.2');
    assert.deepEqual(caps.firmware, [], 'no OVMF on the recorded desktop');
    assert.deepEqual(caps.deviceEnums['disk.bus'], ['fdc', 'scsi', 'virtio', 'usb', 'sata']);
    const again = source.current();
    source.want({ domainCapabilities: [q35] });
    assert.equal(source.current(), again, 'asked once: the same facts');
  });

  it("gives a local connection's requests one facts object (this machine's extras composed once, not per call)", async () => {
    const source = createLibvirtHostFacts({ uri: LIBVIRT_TEST_URI, timeoutMs: 60_000, machine: createLocalHostFacts() });
    const facts = await source.settled();
    assert.equal(facts.connection?.local, true);
    assert.equal(source.current(), source.current(), 'the service keeps its analyses while the facts are the same object');
  });

  it('reads again on demand, and tells its listeners', async () => {
    const source = createLibvirtHostFacts({ uri: REMOTE, virshPath: standInVirsh('gpu-desktop'), timeoutMs: 10_000 });
    const first = await source.settled();
    let heard = 0;
    source.onDidChange(() => heard++);
    const again = await source.refresh();
    assert.notEqual(again, first);
    assert.deepEqual(again.networks, first.networks);
    assert.equal(heard, 1);
  });

  it('says why when the host cannot be asked: a refusal, a hang, noise, no virsh', async () => {
    const unavailable = async (virshPath: string, timeoutMs = 10_000) =>
      (await createLibvirtHostFacts({ uri: REMOTE, virshPath, timeoutMs }).settled()).unavailable;
    assert.match(String(await unavailable(standInVirsh('fails'))), /Could not resolve hostname gpu-box/);
    const started = Date.now();
    assert.match(String(await unavailable(standInVirsh('hang'), 800)), /did not finish within 1 s/);
    assert.ok(Date.now() - started < 5_000, 'the time limit holds');
    assert.equal(String(await unavailable(standInVirsh('garbage'))), 'virsh capabilities did not print libvirt capabilities XML');
    assert.match(String(await unavailable('/no/such/virsh')), /virsh was not found/);
  });

  it('says so when virsh disappears mid-run (after capabilities): unknown facts, not a host without devices', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-vanishing-'));
    const virshPath = join(dir, 'virsh');
    // Answers capabilities as the recorded desktop, then removes itself: every later call finds no virsh.
    writeFileSync(virshPath, `#!/bin/sh\n${JSON.stringify(standInVirsh('gpu-desktop'))} "$@"\nstatus=$?\nrm -f "$0"\nexit $status\n`, {
      mode: 0o755,
    });
    const facts = await createLibvirtHostFacts({ uri: REMOTE, virshPath, timeoutMs: 10_000 }).settled();
    assert.match(String(facts.unavailable), /virsh was not found/);
    assert.equal(facts.pciDevices, undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a host with a hundred PCI devices in under 2 s', async () => {
    const virshPath = hostWithManyDevices(100);
    const started = performance.now();
    const facts = await createLibvirtHostFacts({ uri: REMOTE, virshPath, timeoutMs: 10_000 }).settled();
    const elapsed = performance.now() - started;
    assert.equal(facts.pciDevices?.length, 107);
    console.log(`# 107 PCI devices loaded in ${elapsed.toFixed(0)} ms`);
    assert.ok(elapsed < 2_000, `${elapsed.toFixed(0)} ms`);
  });

  it(`reads the real daemon at ${LIBVIRT_TEST_URI}`, async () => {
    const facts = await createLibvirtHostFacts({ uri: LIBVIRT_TEST_URI, timeoutMs: 60_000 }).settled();
    assert.equal(facts.unavailable, undefined, String(facts.unavailable));
    assert.equal(facts.connection?.local, true);
    assert.equal(facts.arch, 'x86_64');
    assert.equal(typeof facts.iommu, 'boolean');
    assert.ok((facts.pciDevices?.length ?? 0) > 0, 'its PCI devices');
    assert.ok(facts.guests?.some((guest) => guest.arch === 'x86_64' && (guest.emulator ?? '').endsWith('qemu-system-x86_64')));
    assert.ok((facts.memoryKiB ?? 0) > 0);
    const source = createLibvirtHostFacts({ uri: LIBVIRT_TEST_URI, timeoutMs: 60_000 });
    source.want({ domainCapabilities: [{ virttype: 'qemu', arch: 'aarch64', machine: 'virt' }] });
    const caps = (await source.settled()).domainCapabilities?.[0];
    assert.ok(caps?.firmware?.includes('efi'), 'AAVMF is installed here (qemu-efi-aarch64)');
    assert.ok(caps?.loaders?.some((loader) => loader.includes('AAVMF')));
  });
});

describe("virsh's listings and libvirt's notations", () => {
  it('reads CPU lists with ranges and exclusions', () => {
    assert.deepEqual(parseBitmap('0-3,8,^2'), [0, 1, 3, 8]);
    assert.deepEqual(parseBitmap('5'), [5]);
    assert.equal(parseBitmap('0-'), undefined);
    assert.equal(parseBitmap('3-1'), undefined);
  });

  it('reads freepages, nodeinfo and vol-list tables', () => {
    assert.deepEqual(
      [...parseFreePages('Node 0:\n4KiB: 10\n2048KiB: 3\n\nNode 1:\n2048KiB: 0\n')].map(([node, pages]) => [node, [...pages]]),
      [
        [
          0,
          [
            [4, 10],
            [2048, 3],
          ],
        ],
        [1, [[2048, 0]]],
      ],
    );
    assert.deepEqual(parseNodeInfo('CPU(s):              16\nMemory size:         32803776 KiB\n'), { cpus: 16, memoryKiB: 32803776 });
    assert.deepEqual(parseVolumeList(' Name   Path\n------------\n my disk.qcow2   /v/my disk.qcow2\n\n'), ['my disk.qcow2']);
  });

  it('tells local connections from remote ones', () => {
    for (const uri of ['', 'qemu:///system', 'qemu:///session', 'test:///default', 'qemu+unix:///system'])
      assert.equal(isLocalUri(uri), true, uri);
    for (const uri of [
      'qemu+ssh://gpu-box/system',
      'qemu+ssh://root@127.0.0.1:2222/system',
      'qemu+tcp://10.0.0.2/system',
      'qemu://host/system',
    ]) {
      assert.equal(isLocalUri(uri), false, uri);
    }
  });
});

describe("libvirt's own captured node devices (test/fixtures/libvirt-tests, from libvirt's test suite)", () => {
  const read = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'libvirt-tests', name), 'utf8');

  it('reads an audio controller alone in IOMMU group 2, with no driver bound', () => {
    assert.deepEqual(parsePciNodeDevice(read('pci_8086_0c0c_snd_hda_intel.xml')), {
      address: { domain: 0, bus: 0, slot: 3, function: 0 },
      vendorId: '8086',
      deviceId: '0c0c',
      classCode: '',
      name: 'Intel Corporation Xeon E3-1200 v3/4th Gen Core Processor HD Audio Controller',
      iommuGroup: 2,
      iommuGroupMembers: [{ domain: 0, bus: 0, slot: 3, function: 0 }],
      driver: undefined,
      sysfsPath: undefined,
    });
  });

  it('reads a device libvirt reports without an IOMMU group', () => {
    const device = parsePciNodeDevice(read('pci_1002_71c4.xml'));
    assert.equal(device?.name, 'ATI Technologies Inc M56GL [Mobility FireGL V5200]');
    assert.equal(device?.iommuGroup, undefined);
    assert.equal(device?.iommuGroupMembers, undefined);
  });
});
