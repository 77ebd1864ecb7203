// Host rules whose error is a refused start, checked against the real daemon: the facts come from this machine's
// libvirtd, the rule speaks, and `virsh start` refuses (or starts) exactly as the rule says.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLibvirtHostFacts } from '../../server/src/host/libvirt/libvirtHostFacts';
import type { HostFacts } from '../../server/src/service/hostFacts';
import { createTestService } from '../support/fakeHost';
import { LIBVIRT_TEST_URI, testDomainName, virsh } from '../support/virsh';

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
    facts = await createLibvirtHostFacts({ uri: LIBVIRT_TEST_URI, timeoutMs: 60_000 }).settled();
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
      await virsh(['undefine', '--domain', name]);
    }
  }

  const codes = (text: string) =>
    createTestService(facts)
      .validate(TextDocument.create('file:///start.xml', 'xml', 1, text))
      .filter((d) => d.code === 'vcpupin-outside-host');

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
