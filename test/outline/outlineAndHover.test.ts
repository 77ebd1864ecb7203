import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { fixture } from '../support/built';
import { createTestService, FAKE_GPU_HOST } from '../support/fakeHost';

const GPU = readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8');
const service = createTestService(FAKE_GPU_HOST);
const document = TextDocument.create('file:///outline.xml', 'xml', 1, GPU);
const hoverText = (needle: string, delta = 1) => {
  const hover = service.hover(document, document.positionAt(GPU.indexOf(needle) + delta));
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
};

describe('outline', () => {
  it('lists the domain, its sections and its devices with useful labels', () => {
    const [domain] = service.documentSymbols(document);
    assert.equal(domain.name, 'domain win10-gaming');
    assert.equal(domain.detail, 'kvm, x86_64');
    const devices = domain.children!.find((s) => s.name === 'devices')!;
    const labels = devices.children!.map((s: DocumentSymbol) => `${s.name} — ${s.detail}`);
    assert.deepEqual(labels, [
      'disk sda — sata, /vm/games_mu_01.qcow2',
      'controller sata 0 — ',
      'interface e1000e — br0, 52:54:00:91:65:22',
      'hostdev 27:00.0 — VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]',
    ]);
    assert.equal(domain.children!.find((s) => s.name === 'memory')?.detail, '8 GiB');
    const disk = devices.children![0];
    assert.equal(GPU.slice(document.offsetAt(disk.selectionRange.start), document.offsetAt(disk.selectionRange.end)), 'disk');
  });

  it("is empty for XML that is none of libvirt's kinds", () => {
    assert.deepEqual(service.documentSymbols(TextDocument.create('file:///n.xml', 'xml', 1, '<project><name>x</name></project>')), []);
  });

  it('outlines a network with its addresses, and a pool with its target', () => {
    const network = service.documentSymbols(
      TextDocument.create(
        'file:///net.xml',
        'xml',
        1,
        "<network><name>lab</name><forward mode='route' dev='eth0'/><bridge name='virbr9'/>" +
          "<ip address='10.9.0.1' prefix='24'><dhcp><range start='10.9.0.10' end='10.9.0.99'/></dhcp></ip></network>",
      ),
    );
    assert.equal(network[0]!.name, 'network lab');
    const parts = network[0]!.children!.map((child) => `${child.name}: ${child.detail}`);
    assert.deepEqual(parts, ['forward: route, eth0', 'bridge: virbr9', 'ip: 10.9.0.1/24']);
    const dhcp = network[0]!.children![2]!.children![0]!;
    assert.equal(`${dhcp.children![0]!.name}: ${dhcp.children![0]!.detail}`, 'range: 10.9.0.10 – 10.9.0.99');
    const pool = service.documentSymbols(
      TextDocument.create(
        'file:///pool.xml',
        'xml',
        1,
        "<pool type='dir'><name>images</name><target><path>/srv/images</path></target></pool>",
      ),
    );
    assert.equal(pool[0]!.name, 'pool images');
    assert.equal(pool[0]!.detail, 'dir');
    assert.equal(pool[0]!.children![0]!.detail, '/srv/images');
  });
});

describe('hover', () => {
  it('shows memory sizes in human units', () => {
    // On the value: the size alone; on the tag name: the size, then the element's documentation.
    assert.equal(hoverText("<memory unit='KiB'>8388608", 20), '**memory**: 8388608 KiB = **8 GiB**');
    assert.equal(hoverText("<currentMemory unit='KiB'>", 30), '**currentMemory**: 2097152 KiB = **2 GiB**');
    assert.match(
      hoverText("<memory unit='KiB'>8388608"),
      /^\*\*memory\*\*: 8388608 KiB = \*\*8 GiB\*\*\n\n---\n\n\*\*<memory>\*\* — The maximum memory/,
    );
  });

  it("names the host device behind a hostdev's source address", () => {
    const text = hoverText("<address domain='0x0000' bus='0x27'", 3);
    assert.match(text, /Host PCI device 0000:27:00\.0/);
    assert.match(text, /NVIDIA Corporation GA106 \[GeForce RTX 3060\]/);
    assert.match(text, /IOMMU group 16, driver vfio-pci/);
  });

  it('tells what else occupies a guest slot and which controller provides the bus', () => {
    const text = hoverText("<address type='pci' domain='0x0000' bus='0x01'", 3);
    assert.match(text, /Guest PCI address 0000:01:00\.0/);
    assert.match(text, /no controller in this file provides bus 1/);
    assert.match(text, /Also on this slot: hostdev 0000:27:00\.0 at \.0/);
    const sata = hoverText("<address type='pci' domain='0x0000' bus='0x00' slot='0x1f'", 3);
    assert.match(sata, /bus 0 is the pcie-root of q35/);
    assert.match(sata, /ICH9 LPC bridge at \.0/);
  });

  it('documents elements and attributes, with what the schema allows and a link to libvirt', () => {
    const bus = hoverText("bus='sata'", 1);
    assert.match(bus, /^\*\*bus\*\* on `<target>` — `virtio` \(fastest/);
    assert.match(bus, /Takes one of: ide, fdc, scsi, virtio, xen, usb, uml, sata, sd\./);
    assert.match(bus, /\[libvirt documentation\]\(https:\/\/libvirt\.org\/formatdomain\.html#hard-drives-floppy-disks-cdroms\)/);
    assert.equal(hoverText("bus='sata'", 7), bus, 'the value shows the same as the name');
    assert.match(hoverText('<hostdev', 2), /^\*\*<hostdev>\*\* — A host device passed through.*#usb-pci-scsi-devices/s);
    assert.match(hoverText('</devices>', 4), /^\*\*<devices>\*\*/, 'the end tag too');
    const managed = hoverText("managed='yes'", 1);
    assert.match(managed, /libvirt detaches the device from its host driver/);
  });

  it('says when an attribute or element is not in the schema', () => {
    const text = GPU.replace("<hostdev mode='subsystem'", "<hostdev colour='red' mode='subsystem'");
    const doc = TextDocument.create('file:///h.xml', 'xml', 1, text);
    const hover = service.hover(doc, doc.positionAt(text.indexOf('colour') + 2));
    assert.match(JSON.stringify(hover?.contents), /Not in libvirt's schema here: libvirt ignores it and drops it on define/);
  });

  it('has nothing to say in text and whitespace', () => {
    assert.equal(service.hover(document, document.positionAt(GPU.indexOf('<name>') + 8)), null);
    assert.equal(service.hover(document, document.positionAt(GPU.indexOf('<devices>') + 9)), null);
  });
});

describe('inlay hints', () => {
  it('show human sizes after memory values and host device names after hostdev source addresses', () => {
    const hints = service.inlayHints(document, { start: { line: 0, character: 0 }, end: document.positionAt(GPU.length) });
    assert.deepEqual(
      hints.map((h) => [h.position.line + 1, h.label]),
      [
        [9, ' = 8 GiB'],
        [10, ' = 2 GiB'],
        [46, 'VGA compatible controller: NVIDIA Corporation GA106 [GeForce RTX 3060]'],
      ],
    );
  });

  it('only within the requested range', () => {
    assert.equal(service.inlayHints(document, { start: { line: 40, character: 0 }, end: { line: 50, character: 0 } }).length, 1);
  });
});
