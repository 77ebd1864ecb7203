import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../support/built';
import { diagnosticsOf, tweaksAt } from '../support/tweakOutcomes';

const GPU = readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8');
const codes = (text: string) => diagnosticsOf(text).map((d) => String(d.code));
const errors = (text: string) =>
  diagnosticsOf(text)
    .filter((d) => d.severity === 1)
    .map((d) => String(d.code));
const find = (text: string, offset: number, title: RegExp) => tweaksAt(text, offset).find((t) => title.test(t.title));

describe('tweak: hide virtualization from the guest', () => {
  it("turns the seed's 'before' into its 'after', adding only what is missing", () => {
    const before =
      "<domain type='kvm'>\n  <name>win</name>\n  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n  <features>\n    <acpi/>\n    <apic/>\n    <hyperv>\n      <relaxed state='on'/>\n      <vapic state='on'/>\n      <spinlocks state='on' retries='8191'/>\n    </hyperv>\n  </features>\n  <cpu mode='host-passthrough' check='none'/>\n  <devices/>\n</domain>\n";
    const tweak = find(before, before.indexOf('<acpi'), /^Hide virtualization/);
    assert.ok(tweak);
    assert.equal(
      tweak.text,
      "<domain type='kvm'>\n  <name>win</name>\n  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n  <features>\n    <acpi/>\n    <apic/>\n    <hyperv>\n      <relaxed state='on'/>\n      <vapic state='on'/>\n      <spinlocks state='on' retries='8191'/>\n      <vendor_id state='on' value='0123456789ab'/>\n    </hyperv>\n    <kvm>\n      <hidden state='on'/>\n    </kvm>\n    <ioapic driver='kvm'/>\n  </features>\n  <cpu mode='host-passthrough' check='none'>\n    <feature policy='disable' name='hypervisor'/>\n  </cpu>\n  <devices/>\n</domain>\n",
    );
    assert.equal(find(tweak.text, tweak.text.indexOf('<acpi'), /^Hide virtualization/), undefined, 'a second run has nothing to add');
  });

  it('removes the Code 43 warnings of a GPU passthrough and adds no error', () => {
    const tweak = find(GPU, GPU.indexOf('<hostdev'), /^Hide virtualization/)!;
    assert.ok(!codes(tweak.text).includes('vendor-id-missing'));
    assert.ok(!codes(tweak.text).includes('kvm-hidden-missing'));
    assert.deepEqual(errors(tweak.text), errors(GPU));
  });

  it('creates <features> and <cpu> when the domain has neither', () => {
    const bare = "<domain type='kvm'>\n  <name>x</name>\n  <os>\n    <type arch='x86_64'>hvm</type>\n  </os>\n  <devices/>\n</domain>\n";
    const tweak = find(bare, bare.indexOf('<name'), /^Hide virtualization/)!;
    assert.equal(
      tweak.text,
      "<domain type='kvm'>\n  <name>x</name>\n  <os>\n    <type arch='x86_64'>hvm</type>\n  </os>\n  <features>\n    <hyperv>\n      <vendor_id state='on' value='0123456789ab'/>\n    </hyperv>\n    <kvm>\n      <hidden state='on'/>\n    </kvm>\n    <ioapic driver='kvm'/>\n  </features>\n  <cpu mode='host-passthrough' check='none'>\n    <feature policy='disable' name='hypervisor'/>\n  </cpu>\n  <devices/>\n</domain>\n",
    );
  });
});

describe('tweak: convert to virtio', () => {
  it('converts the disk under the cursor: virtio bus, vdX target, a PCI address for the drive address', () => {
    const tweak = find(GPU, GPU.indexOf("<source file='/vm/games_mu_01.qcow2'"), /^Convert disk sda to virtio/)!;
    assert.match(tweak.title, /Windows needs the virtio storage driver installed first/);
    assert.match(
      tweak.text,
      /<target dev='vda' bus='virtio'\/>\n {6}<address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'\/>/,
    );
    assert.match(tweak.text, /<controller type='pci' index='2' model='pcie-root-port'>/);
    assert.ok(!codes(tweak.text).includes('boot-disk-not-virtio'));
  });

  it('converts the NIC under the cursor', () => {
    const tweak = find(GPU, GPU.indexOf("<source bridge='br0'"), /^Convert interface/)!;
    assert.match(tweak.text, /<model type='virtio'\/>/);
    assert.ok(!codes(tweak.text).includes('nic-not-virtio'));
  });

  it('converts all disks and NICs in one edit, each disk on its own root port', () => {
    const doc = `<domain type='kvm'>\n  <name>x</name>\n  <memory unit='MiB'>512</memory>\n  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n  <devices>\n${['sda', 'sdb'].map((dev, unit) => `    <disk type='file' device='disk'>\n      <source file='/vm/${dev}.img'/>\n      <target dev='${dev}' bus='sata'/>\n      <address type='drive' controller='0' bus='0' target='0' unit='${unit}'/>\n    </disk>\n`).join('')}    <interface type='network'>\n      <source network='default'/>\n      <model type='e1000e'/>\n    </interface>\n  </devices>\n</domain>\n`;
    const tweak = find(doc, doc.indexOf('<devices>') + 2, /^Convert all disks and NICs to virtio \(3 devices\)/)!;
    assert.ok(tweak);
    assert.match(tweak.text, /<target dev='vda' bus='virtio'\/>\n {6}<address type='pci' domain='0x0000' bus='0x01'/);
    assert.match(tweak.text, /<target dev='vdb' bus='virtio'\/>\n {6}<address type='pci' domain='0x0000' bus='0x02'/);
    assert.equal((tweak.text.match(/pcie-root-port/g) ?? []).length, 2);
    assert.deepEqual(
      // Advisories about the result's layout: each new root port holds its disk, none is left for hot-plug.
      codes(tweak.text).filter((c) => c !== 'pci-multifunction' && c !== 'no-free-pcie-root-port'),
      [],
    );
  });
});

describe('tweak: remove all fixed PCI addresses', () => {
  it('removes every guest PCI address, and with them the conflict', () => {
    const tweak = find(GPU, GPU.indexOf('<devices>'), /^Remove all fixed PCI addresses \(3;/)!;
    assert.doesNotMatch(tweak.text, /<address type='pci'/);
    assert.match(tweak.text, /<address domain='0x0000' bus='0x27'/, 'the host address of the hostdev stays');
    assert.ok(!codes(tweak.text).includes('pci-address-conflict'));
  });
});
