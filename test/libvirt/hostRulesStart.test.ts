// Host rules whose error is a refused start, checked against the real daemon: the facts come from this machine's
// libvirtd, the rule speaks, and `virsh start` refuses (or starts) exactly as the rule says.

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLibvirtHostFacts } from '../../server/src/host/libvirt/libvirtHostFacts';
import type { HostFacts } from '../../server/src/service/hostFacts';
import { createLanguageService } from '../../server/src/service/languageService';
import { createTestService, fakeEnvironment } from '../support/fakeHost';
import { LIBVIRT_TEST_URI, testDomainName, virsh } from '../support/virsh';

const guest = (name: string, devices: string, extra = '', type = 'qemu') => `<domain type='${type}'>
  <name>${name}</name>
  <memory unit='MiB'>64</memory>
  ${extra}
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
  <devices>
    <graphics type='vnc' port='-1'/>
    ${devices}
  </devices>
</domain>
`;

const tiny = (name: string, cpuset: string) => `<domain type='qemu'>
  <name>${name}</name>
  <memory unit='MiB'>64</memory>
  <vcpu placement='static'>1</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='${cpuset}'/>
  </cputune>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
  <devices>
    <graphics type='vnc' port='-1'/>
  </devices>
</domain>
`;

describe(`host rules against a real start (${LIBVIRT_TEST_URI})`, () => {
  let facts: HostFacts;
  const dir = mkdtempSync(join(tmpdir(), 'lint-start-'));
  before(async () => {
    const source = createLibvirtHostFacts({ uri: LIBVIRT_TEST_URI, timeoutMs: 60_000 });
    await source.settled();
    source.want({ domainCapabilities: ['qemu', 'kvm'].map((virttype) => ({ virttype, arch: 'x86_64', machine: 'q35' })) });
    facts = await source.settled();
    assert.equal(facts.unavailable, undefined, String(facts.unavailable));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Defines the text, starts it, and cleans up; returns virsh start's verdict. */
  async function start(text: string, name: string) {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, text);
    const defined = await virsh(['define', '--file', file]);
    assert.ok(defined.ok, defined.stderr);
    try {
      return await virsh(['start', '--domain', name], LIBVIRT_TEST_URI, 120_000);
    } finally {
      await virsh(['destroy', '--domain', name]);
      await virsh(['undefine', '--domain', name, '--nvram']);
    }
  }

  const diagnosticsOf = (text: string, rule: string) =>
    createTestService(facts)
      .validate(TextDocument.create('file:///start.xml', 'xml', 1, text))
      .filter((d) => d.code === rule);
  const codes = (text: string) => diagnosticsOf(text, 'vcpupin-outside-host');

  /** The rule reports an error on the real host's facts, and the real daemon refuses to start the guest with `says`. */
  async function refusedAtStart(rule: string, devices: string, says: RegExp, extra = '', type = 'qemu') {
    const name = testDomainName(`start-${rule}`);
    const text = guest(name, devices, extra, type);
    const diagnostics = diagnosticsOf(text, rule);
    assert.equal(diagnostics.length, 1, `${rule} on this host's facts`);
    assert.equal(diagnostics[0]!.severity, 1);
    assert.match(String(diagnostics[0]!.message), /libvirt accepts the definition but refuses to start it/);
    const started = await start(text, name);
    assert.equal(started.ok, false, 'libvirt started it');
    assert.match(started.stderr, says);
  }

  it('source-not-on-host: a network and a pool the host lacks are refused at start', async () => {
    await refusedAtStart(
      'source-not-on-host',
      "<interface type='network'><source network='lint-missing-net'/></interface>",
      /Network not found/,
    );
    await refusedAtStart(
      'source-not-on-host',
      "<disk type='volume' device='disk'><source pool='lint-missing-pool' volume='v.qcow2'/><target dev='vda' bus='virtio'/></disk>",
      /Storage pool not found/,
    );
  });

  it('host-iommu-disabled and hostdev-not-on-host: a PCI hostdev on this host without an IOMMU is refused at start', async (t) => {
    if (facts.iommu !== false) return t.skip('this host has an IOMMU');
    // A device this host does not have: nothing is detached from any host driver.
    const hostdev =
      "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x7e' slot='0x1f' function='0x7'/></source></hostdev>";
    await refusedAtStart('host-iommu-disabled', hostdev, /host doesn't support passthrough of host PCI devices/);
    assert.equal(diagnosticsOf(guest('x', hostdev), 'hostdev-not-on-host').length, 1);
  });

  it("host-unsupported-value: a disk bus, a CPU mode and a CPU model the host's domain capabilities leave out are refused at start", async () => {
    const image = join(dir, 'xen.img');
    writeFileSync(image, Buffer.alloc(1 << 20));
    await refusedAtStart(
      'host-unsupported-value',
      `<disk type='file' device='disk'><source file='${image}'/><target dev='xvda' bus='xen'/></disk>`,
      /unsupported disk bus 'xen' with device setup/,
    );
    await refusedAtStart(
      'host-unsupported-value',
      '',
      /CPU mode 'host-passthrough' for x86_64 qemu domain .* is not supported/,
      "<cpu mode='host-passthrough'/>",
    );
    await refusedAtStart('host-unsupported-value', '', /Unknown CPU model Westmer/, "<cpu mode='custom'><model>Westmer</model></cpu>");
  });

  it('host-unsupported-value: a CPU model usable=no — KVM refuses to start it, TCG starts it (a warning)', async (t) => {
    const models = (virttype: string) => facts.domainCapabilities?.find((caps) => caps.request.virttype === virttype)?.cpu?.models ?? [];
    // A model neither KVM nor TCG can provide here (Skylake-Server's AVX-512 on this AMD host).
    const unusable = models('kvm').find(
      (model) => model.usable === 'no' && models('qemu').some((tcg) => tcg.name === model.name && tcg.usable === 'no'),
    )?.name;
    if (!unusable) return t.skip('this host has no KVM, or it runs every CPU model');
    const cpu = `<cpu mode='custom' match='exact'><model>${unusable}</model></cpu>`;
    await refusedAtStart('host-unsupported-value', '', /the CPU is incompatible with host CPU/, cpu, 'kvm');
    const name = testDomainName('start-tcg-cpu');
    const text = guest(name, '', cpu);
    assert.deepEqual(
      diagnosticsOf(text, 'host-unsupported-value').map((d) => d.severity),
      [2],
    );
    const started = await start(text, name);
    assert.ok(started.ok, started.stderr);
  });

  it('source-not-on-host and firmware-not-on-host: paths this machine lacks, looked at because the document names them', async () => {
    const source = createLibvirtHostFacts({ uri: LIBVIRT_TEST_URI, timeoutMs: 60_000 });
    await source.settled();
    const service = createLanguageService({ ...fakeEnvironment(), hostFacts: () => source.current() });
    const missingDisk = `/dev/lint-missing-${process.pid}`;
    const missingLoader = join(dir, 'NO_SUCH_CODE.fd');
    const name = testDomainName('start-paths');
    const text = guest(name, `<disk type='block' device='disk'><source dev='${missingDisk}'/><target dev='vda' bus='virtio'/></disk>`);
    const document = TextDocument.create('file:///paths.xml', 'xml', 1, text);
    source.want(service.hostQuestions(document));
    await source.settled();
    const found = service.validate(document).filter((d) => d.code === 'source-not-on-host');
    assert.equal(found.length, 1, 'the missing block device');
    assert.equal(found[0]!.severity, 1);
    const started = await start(text, name);
    assert.equal(started.ok, false);
    assert.match(started.stderr, new RegExp(`Cannot access storage file '${missingDisk}'`));

    const uefi = guest(name, '', `<features><acpi/></features>`).replace(
      '</os>',
      `<loader readonly='yes' type='pflash'>${missingLoader}</loader></os>`,
    );
    /** The rule's one error on this machine's facts (paths looked at), and the real start's refusal. */
    const loaderRefused = async (text: string, says: RegExp) => {
      const document = TextDocument.create('file:///loader.xml', 'xml', 1, text);
      source.want(service.hostQuestions(document));
      await source.settled();
      const diagnostics = service.validate(document).filter((d) => d.code === 'firmware-not-on-host');
      assert.deepEqual(
        diagnostics.map((d) => d.severity),
        [1],
        diagnostics.map((d) => d.message).join('\n'),
      );
      assert.match(String(diagnostics[0]!.message), says);
      const refused = await start(text, name);
      assert.equal(refused.ok, false);
      assert.match(refused.stderr, says);
    };
    // No vars template for it (neither <nvram template> nor a descriptor): refused before the path is looked at.
    await loaderRefused(uefi, /unable to find any master var store for loader/);
    await loaderRefused(
      uefi.replace('</loader>', `</loader><nvram template='/usr/share/OVMF/OVMF_VARS_4M.fd'>${join(dir, 'VARS.fd')}</nvram>`),
      /Path '.*NO_SUCH_CODE\.fd' is not accessible: No such file or directory/,
    );
    // An image that is there but that no descriptor pairs with a vars file: the same refusal.
    const copy = join(dir, 'COPY_CODE.fd');
    const firmware = facts.domainCapabilities?.find((caps) => caps.loaders?.length)?.loaders?.[0];
    assert.ok(firmware, 'OVMF is installed here (scripts/ensure-libvirt.mjs)');
    writeFileSync(copy, readFileSync(firmware));
    chmodSync(dir, 0o755);
    await loaderRefused(uefi.replaceAll(missingLoader, copy), /unable to find any master var store for loader/);
    source.dispose();
  });

  it('vcpupin-outside-host: a CPU the host lacks — the rule says so and libvirt refuses to start it', async () => {
    const beyond = Math.max(...facts.cpus!.map((cpu) => cpu.id)) + 5;
    const name = testDomainName('start-pin');
    const text = tiny(name, String(beyond));
    const diagnostics = codes(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.severity, 1);
    const started = await start(text, name);
    assert.equal(started.ok, false, 'libvirt started it');
    assert.match(started.stderr, /cpuset\.cpus': Numerical result out of range/);
  });

  it("vcpupin-outside-host: the host's own CPU 0 — no diagnostic and the guest starts", async () => {
    const name = testDomainName('start-pin');
    const text = tiny(name, '0');
    assert.deepEqual(codes(text), []);
    const started = await start(text, name);
    assert.ok(started.ok, started.stderr);
  });
});
