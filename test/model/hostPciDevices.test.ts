import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localHostFacts } from '../../server/src/service/hostFacts';
import { lspciNames, readHostPciDevices } from '../../server/src/service/hostPciDevices';

describe('host PCI devices', () => {
  it('reads ids, class, IOMMU group and driver from a sysfs tree', () => {
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
      assert.deepEqual(readHostPciDevices(join(root, 'devices'), names), [
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

  it('is undefined without sysfs', () => {
    assert.equal(readHostPciDevices('/no/such/dir', new Map()), undefined);
  });

  it("reads names from lspci's machine-readable output", () => {
    const output =
      '0000:27:00.0 "VGA compatible controller [0300]" "NVIDIA Corporation [10de]" "GA106 [GeForce RTX 3060] [2503]" -ra1 "Micro-Star International Co., Ltd. [MSI] [1462]" "Device [397d]"\n';
    assert.deepEqual(
      [...lspciNames(() => output)],
      [['0000:27:00.0', 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]']],
    );
    assert.deepEqual(
      [
        ...lspciNames(() => {
          throw new Error('lspci: not found');
        }),
      ],
      [],
    );
  });

  it("reads this machine's devices lazily", () => {
    const facts = localHostFacts();
    const devices = facts.pciDevices;
    assert.ok(devices === undefined || devices.every((d) => d.address.slot <= 0x1f));
    assert.equal(facts.pciDevices, devices, 'read once');
  });
});
