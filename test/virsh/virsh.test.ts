// The virsh runner against the real virsh: libvirt's test driver for speed, the QEMU driver for round trips.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseXml } from '../../server/src/service/xml/xmlParser';
import { firstChild } from '../../server/src/service/xml/xmlTree';
import { defineDomain, dumpDomainXml, listDomains, undefineDomain } from '../../server/src/virsh/domainCommands';
import { libvirtMessage, runVirsh, VIRSH_MISSING_MESSAGE } from '../../server/src/virsh/virsh';
import { fixture } from '../support/built';
import { LIBVIRT_TEST_URI, testDomainName } from '../support/virsh';

const dir = mkdtempSync(join(tmpdir(), 'virsh-runner-'));
const TEST_DRIVER = { uri: 'test:///default', timeoutMs: 20_000 };
const domain = (name: string, extra = '') =>
  `<domain type='test'><name>${name}</name><memory unit='MiB'>128</memory><os><type>hvm</type></os>${extra}</domain>`;

describe('virsh runner', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('defines a valid domain and reports its name', async () => {
    const file = join(dir, 'ok.xml');
    writeFileSync(file, domain('runner-ok'));
    const result = await defineDomain(file, TEST_DRIVER);
    assert.equal(result.ok, true, String(result.message));
    assert.equal(result.name, 'runner-ok');
  });

  it("gives libvirt's own message when it refuses a domain", async () => {
    const file = join(dir, 'bad.xml');
    writeFileSync(file, domain('runner-bad', "<features><hyperv><vendor_id state='on' value='0123456789abcdef'/></hyperv></features>"));
    const result = await defineDomain(file, TEST_DRIVER);
    assert.equal(result.ok, false);
    assert.equal(result.message, 'XML error: HyperV vendor_id value must not be more than 12 characters.');
  });

  it('passes file names literally: spaces, quotes, $(...), a newline and a leading dash', async () => {
    for (const name of [
      "my vm's file.xml",
      '$(touch pwned).xml',
      '`touch pwned`.xml',
      '-leading-dash.xml',
      'new\nline.xml',
      '"quoted".xml',
    ]) {
      const file = join(dir, name);
      writeFileSync(file, domain('runner-odd-file'));
      const result = await defineDomain(file, TEST_DRIVER);
      assert.equal(result.ok, true, `${JSON.stringify(name)}: ${result.message}`);
    }
    assert.equal(existsSync(join(dir, 'pwned')) || existsSync('pwned'), false, 'no shell ever ran');
  });

  it('round-trips a domain with an awkward name through the QEMU driver', async () => {
    const name = `${testDomainName('odd')} -name 'q' $(x) "z"`;
    const file = join(dir, 'odd.xml');
    writeFileSync(
      file,
      readFileSync(fixture('linux-q35-clean.xml'), 'utf8')
        .replace("type='kvm'", "type='qemu'")
        .replace('<name>fedora-server</name>', `<name>${name.replace(/"/g, '&quot;')}</name>`),
    );
    const options = { uri: LIBVIRT_TEST_URI };
    const defined = await defineDomain(file, options);
    assert.equal(defined.ok, true, String(defined.message));
    try {
      assert.equal(defined.name, name);
      const xml = await dumpDomainXml(name, options);
      assert.equal(xml.ok, true, String(xml.message));
      assert.equal(firstChild(parseXml(xml.stdout).root, 'name')?.text, name);
      const listed = await listDomains(options);
      assert.ok(listed.ok && listed.domains.some((d) => d.name === name && d.state === 'shut off'));
    } finally {
      assert.equal((await undefineDomain(name, options)).ok, true);
    }
  });

  it('says which package to install when virsh is missing', async () => {
    const result = await runVirsh(['version'], { virshPath: join(dir, 'no-such-virsh') });
    assert.equal(result.notFound, true);
    assert.equal(result.message, VIRSH_MISSING_MESSAGE);
    assert.match(String(result.message), /libvirt-clients/);
  });

  it('stops a virsh that hangs at the time limit, and on cancellation', async () => {
    const slow = join(dir, 'slow-virsh');
    writeFileSync(slow, '#!/bin/sh\nsleep 30\n');
    chmodSync(slow, 0o755);
    const started = Date.now();
    const timedOut = await runVirsh(['version'], { virshPath: slow, timeoutMs: 300 });
    assert.equal(timedOut.timedOut, true);
    assert.ok(Date.now() - started < 5000);
    const controller = new AbortController();
    const pending = runVirsh(['version'], { virshPath: slow, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    assert.equal((await pending).cancelled, true);
  });

  it('picks the specific error out of stderr', () => {
    assert.equal(
      libvirtMessage('error: Failed to define domain from a.xml\nerror: unsupported configuration: IDE controllers are unsupported\n'),
      'unsupported configuration: IDE controllers are unsupported',
    );
    assert.equal(libvirtMessage('error: failed to connect to the hypervisor\n'), 'failed to connect to the hypervisor');
  });
});
