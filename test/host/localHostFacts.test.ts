import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalHostFacts } from '../../server/src/host/localHostFacts';
import { lspciNames } from '../../server/src/host/lspciNames';
import { readSysfsPciDevices } from '../../server/src/host/sysfsPciDevices';
import type { HostPciDevice } from '../../server/src/service/hostFacts';

describe('host PCI devices', () => {
  it('reads ids, class, IOMMU group and driver from a sysfs tree', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sysfs-'));
    try {
      const device = join(root, 'devices', '0000:27:00.1');
      mkdirSync(device, { recursive: true });
      writeFileSync(join(device, 'vendor'), '0x10de\n');
      writeFileSync(join(device, 'device'), '0x228e\n');
      writeFileSync(join(device, 'class'), '0x040300\n');
      symlinkSync('../../../kernel/iommu_groups/16', join(device, 'iommu_group'));
      symlinkSync('../../../bus/pci/drivers/vfio-pci', join(device, 'driver'));
      mkdirSync(join(root, 'devices', 'not-a-device'));
      const names = new Map([['0000:27:00.1', 'Audio device: NVIDIA Corporation Device']]);
      assert.deepEqual(await readSysfsPciDevices(names, join(root, 'devices')), [
        {
          address: { domain: 0, bus: 0x27, slot: 0, function: 1 },
          vendorId: '10de',
          deviceId: '228e',
          classCode: '040300',
          name: 'Audio device: NVIDIA Corporation Device',
          iommuGroup: 16,
          driver: 'vfio-pci',
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is undefined without sysfs', async () => {
    assert.equal(await readSysfsPciDevices(new Map(), '/no/such/dir'), undefined);
  });

  it("reads names from lspci's machine-readable output", async () => {
    const output =
      '0000:27:00.0 "VGA compatible controller [0300]" "NVIDIA Corporation [10de]" "GA106 [GeForce RTX 3060] [2503]" -ra1 "Micro-Star International Co., Ltd. [MSI] [1462]" "Device [397d]"\n';
    assert.deepEqual(
      [...(await lspciNames(async () => output))],
      [['0000:27:00.0', 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]']],
    );
    assert.deepEqual(
      [
        ...(await lspciNames(async () => {
          throw new Error('lspci: not found');
        })),
      ],
      [],
    );
  });

  it("reads this machine's devices in the background, once", async () => {
    const source = createLocalHostFacts();
    const facts = await source.settled();
    const devices = facts.pciDevices;
    assert.ok(devices === undefined || devices.every((d) => d.address.slot <= 0x1f));
    assert.equal(source.current().pciDevices, devices, 'read once');
  });
});

describe('local host facts as a source', () => {
  const gpu: HostPciDevice = {
    address: { domain: 0, bus: 0x27, slot: 0, function: 0 },
    vendorId: '10de',
    deviceId: '2503',
    classCode: '030000',
  };

  it('answers at once with what it knows, and tells when the devices arrive', async () => {
    let release: (devices: HostPciDevice[]) => void = () => undefined;
    const source = createLocalHostFacts({
      arch: 'x86_64',
      pciDevices: () => new Promise((resolve) => (release = resolve)),
      blockDevices: async () => [],
    });
    const changes: number[] = [];
    source.onDidChange((facts) => changes.push(facts.pciDevices?.length ?? -1));
    const first = source.current();
    assert.equal(first.arch, 'x86_64');
    assert.equal(first.pciDevices, undefined, 'a request does not wait for the reading');
    release([gpu]);
    const settled = await source.settled();
    assert.deepEqual(settled.pciDevices, [gpu]);
    assert.ok(changes.includes(1), 'listeners heard of the devices');
    assert.notEqual(source.current(), first, 'new facts are a new object (the service analyses again)');
  });

  it('reads block devices again only when the last reading is stale, and keeps the facts when nothing changed', async () => {
    let now = 0;
    let reads = 0;
    const source = createLocalHostFacts({
      arch: 'x86_64',
      pciDevices: async () => undefined,
      blockDevices: async () => {
        reads++;
        return [{ path: '/dev/sda', stable: false }];
      },
      now: () => now,
    });
    const facts = await source.settled();
    assert.equal(reads, 1);
    now = 5_000;
    source.current();
    assert.equal(reads, 1, 'fresh for a few seconds');
    now = 20_000;
    assert.equal(await source.settled(), facts, 'read again, unchanged: the same facts object');
    assert.equal(reads, 2);
  });

  it('survives readers that fail', async () => {
    const source = createLocalHostFacts({
      arch: 'aarch64',
      pciDevices: async () => {
        throw new Error('EACCES');
      },
      blockDevices: async () => {
        throw new Error('EACCES');
      },
    });
    assert.deepEqual(await source.settled(), { arch: 'aarch64' });
  });
});
