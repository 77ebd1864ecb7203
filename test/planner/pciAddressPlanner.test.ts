import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDomainModel } from '../../server/src/service/model/domainModel';
import { formatPciAddress } from '../../server/src/service/model/pciAddress';
import { createPciAddressPlanner } from '../../server/src/service/planner/pciAddressPlanner';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import { seededRandom } from '../support/mutations';

const at = (bus: number, slot: number, fn = 0, extra = '') =>
  `<address type='pci' domain='0x0000' bus='0x${bus.toString(16)}' slot='0x${slot.toString(16)}' function='0x${fn}'${extra}/>`;
const nic = (address: string) => `<interface type='network'><source network='default'/>${address}</interface>`;
const rootPort = (index: number, address = '') => `<controller type='pci' index='${index}' model='pcie-root-port'>${address}</controller>`;

function plannerFor(machine: string, devices: string) {
  const model = buildDomainModel(
    parseXml(`<domain type='kvm'><os><type arch='x86_64' machine='${machine}'>hvm</type></os><devices>${devices}</devices></domain>`).root,
  )!;
  return createPciAddressPlanner(model);
}

const next = (machine: string, devices: string) => {
  const plan = plannerFor(machine, devices).nextEndpointAddress();
  return plan && { address: formatPciAddress(plan.address), controller: plan.newController?.attributes };
};

describe('pciAddressPlanner', () => {
  it('i440fx: the first free slot from 3 on bus 0', () => {
    assert.deepEqual(next('pc', ''), { address: '0000:00:03.0', controller: undefined });
    assert.deepEqual(next('pc', nic(at(0, 3)) + nic(at(0, 4))), { address: '0000:00:05.0', controller: undefined });
  });

  it('i440fx: a slot with any function in use is taken', () => {
    assert.equal(next('pc-i440fx-7.2', nic(at(0, 3, 1)))?.address, '0000:00:04.0');
  });

  it('i440fx: keeps 00:02.0 for an unaddressed primary video and never offers the PIIX3 slot', () => {
    const planner = plannerFor('pc', '<video><model type="vga"/></video>');
    const addresses = Array.from({ length: 29 }, () => planner.nextEndpointAddress()).map((p) => p && formatPciAddress(p.address));
    assert.ok(!addresses.includes('0000:00:01.0') && !addresses.includes('0000:00:02.0'));
  });

  it('i440fx: a full bus 0 moves on to a pci-bridge, and with no bridge there is no address', () => {
    const full = Array.from({ length: 29 }, (_, i) => nic(at(0, i + 3))).join('');
    assert.equal(next('pc', full), undefined);
    const bridge = `<controller type='pci' index='1' model='pci-bridge'>${at(0, 2)}</controller>`;
    assert.equal(next('pc', full + bridge)?.address, '0000:01:01.0');
  });

  it('q35: slot 0 of the first free pcie-root-port', () => {
    assert.deepEqual(next('q35', rootPort(1) + rootPort(2) + nic(at(1, 0))), { address: '0000:02:00.0', controller: undefined });
  });

  it('q35: with no free root port the plan adds one (next free index, its own slot on bus 0)', () => {
    assert.deepEqual(next('pc-q35-7.2', rootPort(1, at(0, 2)) + nic(at(1, 0))), {
      address: '0000:02:00.0',
      controller: [
        ['type', 'pci'],
        ['index', '2'],
        ['model', 'pcie-root-port'],
      ],
    });
    const plan = plannerFor('q35', '').nextEndpointAddress()!;
    assert.equal(formatPciAddress(plan.address), '0000:01:00.0');
    assert.deepEqual(plan.newController?.children?.[0].attributes, [
      ['type', 'pci'],
      ['domain', '0x0000'],
      ['bus', '0x00'],
      ['slot', '0x02'],
      ['function', '0x0'],
    ]);
  });

  it('q35: successive plans reserve what they hand out', () => {
    const planner = plannerFor('q35', rootPort(1));
    const first = planner.nextEndpointAddress()!;
    const second = planner.nextEndpointAddress()!;
    assert.equal(formatPciAddress(first.address), '0000:01:00.0');
    assert.equal(first.newController, undefined);
    assert.equal(formatPciAddress(second.address), '0000:02:00.0');
    assert.deepEqual(second.newController?.attributes?.[1], ['index', '2']);
  });

  it('q35: no address at all when every bus number is taken', () => {
    const ports = Array.from({ length: 255 }, (_, i) => rootPort(i + 1) + nic(at(i + 1, 0))).join('');
    assert.equal(next('q35', ports), undefined);
  });

  it('other machine types get no plan', () => {
    assert.equal(next('s390-ccw-virtio', ''), undefined);
  });

  it('never hands out an address in use, explicitly or by the machine type (random documents)', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 200; round++) {
      const machine = random() < 0.5 ? 'pc' : 'q35';
      const used = new Set<string>();
      let devices = '';
      for (let i = 0; i < Math.floor(random() * 60); i++) {
        const bus = Math.floor(random() * 4);
        const slot = Math.floor(random() * 32);
        const fn = Math.floor(random() * 8);
        devices += random() < 0.3 ? rootPort(1 + Math.floor(random() * 6), at(bus, slot, fn)) : nic(at(bus, slot, fn));
        used.add(`${bus}:${slot}`);
      }
      const planner = plannerFor(machine, devices);
      for (let i = 0; i < 10; i++) {
        const plan = planner.nextEndpointAddress();
        if (!plan) break;
        const { bus, slot } = plan.address;
        assert.ok(!used.has(`${bus}:${slot}`), `${machine} ${formatPciAddress(plan.address)} is in use in ${devices}`);
        assert.ok(!(bus === 0 && (slot === 0 || (machine === 'pc' && slot === 1) || (machine === 'q35' && slot === 0x1f))));
        used.add(`${bus}:${slot}`);
      }
    }
  });
});
