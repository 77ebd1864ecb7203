import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDevBlockDevices } from '../../server/src/host/devBlockDevices';
import { completeAt } from '../support/completion';
import { domainXml } from '../support/domainXml';
import { createTestService, FAKE_GPU_HOST } from '../support/fakeHost';

const nic = (inside: string) => `    <interface type='network'>\n      <source network='default'/>\n      ${inside}\n    </interface>`;
const errorsOf = (text: string) =>
  createTestService()
    .validate(TextDocument.create('file:///x.xml', 'xml', 1, text))
    .filter((d) => d.severity === 1)
    .map((d) => `${d.code}: ${d.message}`);

describe('completion of guest PCI addresses', () => {
  it('on q35: a free root port, adding the pcie-root-port in the same edit', () => {
    const completion = completeAt(domainXml({ devices: nic('<addr|') }));
    assert.equal(completion.labels[0], 'address 0000:01:00.0');
    assert.equal(completion.items[0]!.preselect, true);
    const accepted = completion.accept('address 0000:01:00.0');
    assert.ok(accepted.includes("<address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>"), accepted);
    assert.match(
      accepted,
      /<controller type='pci' index='1' model='pcie-root-port'>\s*<address type='pci' domain='0x0000' bus='0x00' slot='0x0[2-9a-f]' function='0x0'\/>\s*<\/controller>/,
    );
    assert.deepEqual(errorsOf(accepted), []);
  });

  it('in <address |> of a device: the whole free address', () => {
    const completion = completeAt(domainXml({ machine: 'pc', devices: nic('<address |/>') }));
    assert.equal(completion.labels[0], 'free PCI address 0000:00:03.0');
    assert.ok(
      completion.accept(completion.labels[0]!).includes("<address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>"),
    );
    const typed = completeAt(domainXml({ machine: 'pc', devices: nic("<address type='pci' |/>") }));
    assert.ok(
      typed.accept('free PCI address 0000:00:03.0').includes("<address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>"),
    );
    assert.ok(
      !completeAt(domainXml({ devices: nic("<address type='pci' bus='0x00' |/>") })).labels.some((l) => l.startsWith('free PCI')),
      'not over what the user wrote',
    );
  });

  it('on i440fx: a free slot on bus 0, never one in use', () => {
    const taken =
      "    <disk type='file' device='disk'><source file='/vm/a.img'/><target dev='vda' bus='virtio'/><address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/></disk>\n";
    const completion = completeAt(domainXml({ machine: 'pc', devices: taken + nic('<addr|') }));
    assert.equal(completion.labels[0], 'address 0000:00:04.0');
    assert.equal(completion.items[0]!.additionalTextEdits?.length, 0);
  });

  it('in slot=: the free slots of the bus, used ones left out', () => {
    const taken = "    <sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/></sound>\n";
    const { items } = completeAt(
      domainXml({ machine: 'pc', devices: taken + nic("<address type='pci' domain='0x0000' bus='0x00' slot='|'/>") }),
    );
    const slots = items.filter((item) => item.detail?.startsWith('free on bus')).map((item) => item.label);
    assert.ok(slots.includes('0x03') && slots.includes('0x06'));
    assert.ok(!slots.includes('0x05'), 'the sound card has it');
    assert.ok(!slots.includes('0x01'), 'the ISA bridge has it on i440fx');
  });

  it('in bus=: the buses, with how many slots they have free', () => {
    const ports =
      "    <controller type='pci' index='1' model='pcie-root-port'/>\n    <disk type='file' device='disk'><source file='/vm/a.img'/><target dev='vda' bus='virtio'/><address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></disk>\n    <controller type='pci' index='2' model='pcie-root-port'/>\n";
    const { items } = completeAt(domainXml({ devices: ports + nic("<address type='pci' bus='|'/>") }));
    const details = Object.fromEntries(items.map((item) => [item.label, item.detail]));
    assert.equal(details['0x01'], 'pcie-root-port: full');
    assert.equal(details['0x02'], 'pcie-root-port: 1 free slot');
  });
});

describe('completion of host devices', () => {
  const hostdev = (inside: string) =>
    `    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        ${inside}\n      </source>\n    </hostdev>`;

  it('in a hostdev <source>: the host’s PCI devices with their lspci names and IOMMU groups', () => {
    const completion = completeAt(domainXml({ devices: hostdev('<a|') }), FAKE_GPU_HOST);
    const gpu = completion.items.find((item) => item.label.includes('GeForce RTX 3060'));
    assert.ok(gpu);
    assert.equal(gpu.label, '0000:27:00.0 VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]');
    assert.equal(gpu.detail, 'IOMMU group 16, driver vfio-pci');
    assert.ok(
      completion
        .accept(gpu.label)
        .includes("<source>\n        <address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>\n      </source>"),
    );
    assert.equal(completion.items.filter((item) => item.detail?.startsWith('IOMMU group')).length, 3);
  });

  it('in <address |> of a hostdev source: the whole address of a host device', () => {
    const completion = completeAt(domainXml({ devices: hostdev('<address |/>') }), FAKE_GPU_HOST);
    const audio = completion.items.find((item) => item.label.startsWith('0000:27:00.1'));
    assert.ok(audio);
    assert.ok(completion.accept(audio.label).includes("<address domain='0x0000' bus='0x27' slot='0x00' function='0x1'/>"));
  });

  it('offers no host devices when the host facts have none', () => {
    const completion = completeAt(domainXml({ devices: hostdev('<a|') }), { arch: 'x86_64' });
    assert.ok(!completion.items.some((item) => item.detail?.startsWith('IOMMU group')));
    assert.ok(completion.labels.includes('address'), 'the schema’s element is still there');
  });

  it('in a block disk’s <source dev>: /dev/disk/by-id paths first', () => {
    const host = {
      arch: 'x86_64',
      blockDevices: [
        { path: '/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PU', target: '/dev/sdb', stable: true },
        { path: '/dev/sda', stable: false },
        { path: '/dev/sdb', stable: false },
      ],
    };
    const block = (attributes: string) =>
      `    <disk${attributes} device='disk'>\n      <source dev='|'/>\n      <target dev='vdb' bus='virtio'/>\n    </disk>`;
    const completion = completeAt(domainXml({ devices: block(" type='block'") }), host);
    assert.deepEqual(completion.labels, ['/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PU', '/dev/sda', '/dev/sdb']);
    assert.equal(completion.items[0]!.detail, 'stable name → sdb');
    assert.deepEqual(completeAt(domainXml({ devices: block(" type='file'") }), host).labels, [], 'a file disk has no dev=');
  });

  it('reads block devices from /dev: by-id links resolved, partitions and kernel names after', async () => {
    const dev = mkdtempSync(join(tmpdir(), 'lint-dev-'));
    after(() => rmSync(dev, { recursive: true, force: true }));
    mkdirSync(join(dev, 'disk/by-id'), { recursive: true });
    for (const name of ['sda', 'sda1', 'nvme0n1', 'nvme0n1p2', 'tty0', 'loop0', 'null']) writeFileSync(join(dev, name), '');
    symlinkSync('../../nvme0n1', join(dev, 'disk/by-id/nvme-Samsung_SSD_980_PRO_1TB'));
    symlinkSync('../../sda', join(dev, 'disk/by-id/ata-WDC_WD40EFRX'));
    const devices = await readDevBlockDevices(dev);
    assert.deepEqual(
      devices.map((d) => [d.path.slice(dev.length), d.target?.slice(dev.length), d.stable]),
      [
        ['/disk/by-id/ata-WDC_WD40EFRX', '/sda', true],
        ['/disk/by-id/nvme-Samsung_SSD_980_PRO_1TB', '/nvme0n1', true],
        ['/nvme0n1', undefined, false],
        ['/nvme0n1p2', undefined, false],
        ['/sda', undefined, false],
        ['/sda1', undefined, false],
      ],
    );
    assert.deepEqual(await readDevBlockDevices(join(dev, 'missing')), []);
  });
});

describe('completion of values only the domain knows', () => {
  const disks =
    "    <disk type='file' device='disk'><source file='/vm/a.qcow2'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>\n" +
    "    <disk type='file' device='cdrom'><source file='/vm/win.iso'/><target dev='sda' bus='sata'/><boot order='2'/><readonly/></disk>\n";

  it('the next free disk name for the bus written (or for the usual buses)', () => {
    const onVirtio = completeAt(
      domainXml({ devices: `${disks}    <disk type='file' device='disk'>\n      <target bus='virtio' dev='|'/>\n    </disk>` }),
    );
    assert.equal(onVirtio.labels[0], 'vdb');
    assert.equal(onVirtio.items[0]!.detail, 'next free name on virtio (in use: vda, sda)');
    const unwritten = completeAt(
      domainXml({ devices: `${disks}    <disk type='file' device='disk'>\n      <target dev='|'/>\n    </disk>` }),
    );
    assert.deepEqual(unwritten.labels.slice(0, 2), ['vdb', 'sdb']);
    assert.match(unwritten.items[1]!.detail!, /^next free name on sata\/scsi/);
  });

  it('the next boot order and the next controller index', () => {
    const boot = completeAt(
      domainXml({ devices: `${disks}    <interface type='network'><source network='default'/><boot order='|'/></interface>` }),
    );
    assert.equal(boot.labels[0], '3');
    assert.equal(boot.items[0]!.detail, 'next free boot order (in use: 1, 2)');
    const controllers =
      "    <controller type='pci' index='0' model='pcie-root'/>\n    <controller type='pci' index='1' model='pcie-root-port'/>\n    <controller type='usb' index='0' model='qemu-xhci'/>\n";
    assert.equal(
      completeAt(domainXml({ devices: `${controllers}    <controller type='pci' index='|' model='pcie-root-port'/>` })).labels[0],
      '2',
    );
    assert.equal(completeAt(domainXml({ devices: `${controllers}    <controller type='sata' index='|'/>` })).labels[0], '0');
  });
});
