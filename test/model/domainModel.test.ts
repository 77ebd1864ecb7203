import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildDomainModel, isWindowsGuest, pciHostdevs } from '../../server/src/service/model/domainModel';
import { machineFamilyOf, parseCNumber } from '../../server/src/service/model/pciAddress';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import { fixture } from '../support/built';

const model = (text: string) => buildDomainModel(parseXml(text).root);

describe('domainModel', () => {
  it('reads the seed scenario: machine, memory in bytes, Windows, hostdevs, addresses', () => {
    const m = model(readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8'))!;
    assert.equal(m.type?.value, 'kvm');
    assert.equal(m.name, 'win10-gaming');
    assert.equal(m.os.arch, 'x86_64');
    assert.equal(m.os.machineFamily, 'q35');
    assert.deepEqual(m.memory?.size, { bytes: 8 * 1024 ** 3 });
    assert.deepEqual(m.currentMemory?.size, { bytes: 2 * 1024 ** 3 });
    assert.equal(m.osinfoId, 'http://microsoft.com/win/10');
    assert.ok(isWindowsGuest(m));
    assert.deepEqual(
      m.devices.map((d) => d.kind),
      ['emulator', 'disk', 'controller', 'interface', 'hostdev'],
    );
    assert.deepEqual(m.devices[1].address?.drive, [0, 0, 0, 0]);
    assert.deepEqual(m.devices[3].address?.pci, { domain: 0, bus: 1, slot: 0, function: 0 });
    assert.equal(pciHostdevs(m).length, 1);
  });

  it('reads vCPU counts, boot orders, controller indexes, buses and USB addresses', () => {
    const m = model(`<domain><vcpu current='2'>4</vcpu><devices>
      <disk><target dev='vda' bus='virtio'/><boot order='1'/></disk>
      <controller type='sata' index='1'/>
      <input type='tablet' bus='usb'><address type='usb' bus='0' port='1.2'/></input>
    </devices></domain>`)!;
    assert.equal(m.vcpu?.maximum, 4);
    assert.equal(m.vcpu?.current, 2);
    assert.deepEqual(
      m.devices.map((d) => [d.kind, d.bus, d.bootOrder, d.index]),
      [
        ['disk', 'virtio', 1, undefined],
        ['controller', undefined, undefined, 1],
        ['input', 'usb', undefined, undefined],
      ],
    );
    assert.deepEqual(m.devices[2].address?.usb, { bus: 0, port: '1.2' });
  });

  it('is undefined for documents whose root is not <domain>', () => {
    assert.equal(model('<network><name>default</name></network>'), undefined);
    assert.equal(model('garbage'), undefined);
  });

  it('takes devices back out of a device whose end tag is missing', () => {
    const m = model(
      "<domain><devices><disk type='file'><target dev='vda' bus='virtio'/><interface type='network'/><hostdev type='pci'/></devices></domain>",
    )!;
    assert.deepEqual(
      m.devices.map((d) => d.kind),
      ['disk', 'interface', 'hostdev'],
    );
  });

  it('knows machine families, with libvirt defaults when no machine is given', () => {
    assert.equal(machineFamilyOf('pc-i440fx-7.2', 'x86_64'), 'i440fx');
    assert.equal(machineFamilyOf('pc', 'x86_64'), 'i440fx');
    assert.equal(machineFamilyOf('pc-q35-8.0', 'x86_64'), 'q35');
    assert.equal(machineFamilyOf(undefined, 'x86_64'), 'i440fx');
    assert.equal(machineFamilyOf(undefined, 'aarch64'), 'virt');
    assert.equal(machineFamilyOf('virt-7.2', 'aarch64'), 'virt');
    assert.equal(machineFamilyOf('s390-ccw-virtio', 's390x'), 'other');
  });

  it('reads PCI numbers as C integers, like libvirt', () => {
    assert.equal(parseCNumber('0x1f'), 31);
    assert.equal(parseCNumber('31'), 31);
    assert.equal(parseCNumber('010'), 8);
    assert.equal(parseCNumber('0'), 0);
    assert.equal(parseCNumber('08'), undefined);
    assert.equal(parseCNumber('0x'), undefined);
    assert.equal(parseCNumber('-1'), undefined);
    assert.equal(parseCNumber('1f'), undefined);
  });

  it('treats a PCI address of 0000:00:00 as unassigned, as libvirt does', () => {
    const m = model(
      "<domain><devices><interface><address type='pci' domain='0' bus='0' slot='0' function='3'/></interface></devices></domain>",
    )!;
    assert.equal(m.devices[0].address?.pci, undefined);
    assert.equal(m.devices[0].address?.type, 'pci');
  });
});
