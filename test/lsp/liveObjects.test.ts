// Live objects through the language server, on the real daemon (qemu:///system) and libvirt's test driver: list,
// read, save (define) with the conflict, rename and comment checks, act; and libvirt: documents analysed for
// their own connection's host.

import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LiveTarget, SaveObjectReply, VirshReply } from '../../server/src/protocol';
import { domainXml } from '../support/domainXml';
import { type LspClient, startLspClient } from '../support/lspClient';
import { standInVirsh } from '../support/recordedHosts';
import { LIBVIRT_TEST_URI, testDomainName, virsh } from '../support/virsh';

const run = <T = Record<string, unknown>>(client: LspClient, command: string, ...args: unknown[]) =>
  client.connection.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<T>;

describe(`live objects through the language server (${LIBVIRT_TEST_URI})`, () => {
  let client: LspClient;
  const dir = mkdtempSync(join(tmpdir(), 'lint-live-'));
  const domain = testDomainName('live');
  const network = testDomainName('net');
  const pool = testDomainName('pool');
  const target = (kind: LiveTarget['kind'], name: string): LiveTarget => ({ connection: LIBVIRT_TEST_URI, kind, name });
  const read = (t: LiveTarget) => run<VirshReply>(client, 'libvirt.readObject', t);
  const save = (request: { target: LiveTarget; text: string; base?: string; force?: boolean }) =>
    run<SaveObjectReply>(client, 'libvirt.saveObject', request);
  const defineFile = async (command: string, name: string, text: string) => {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, text);
    const defined = await virsh([command, '--file', file]);
    assert.ok(defined.ok, defined.stderr);
  };

  before(async () => {
    client = await startLspClient({});
    await defineFile('define', domain, domainXml({ name: domain, memory: "  <memory unit='MiB'>64</memory>" }));
  });
  after(async () => {
    await client.close();
    await virsh(['undefine', '--nvram', '--domain', domain]);
    await virsh(['net-destroy', network]);
    await virsh(['net-undefine', network]);
    await virsh(['pool-destroy', pool]);
    await virsh(['pool-undefine', pool]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists domains with their states, and reads the stored definition', async () => {
    const listed = await run<{ ok: boolean; objects: Array<{ name: string; state: string }> }>(client, 'libvirt.listObjects', {
      connection: LIBVIRT_TEST_URI,
      kind: 'domain',
    });
    assert.ok(listed.ok);
    assert.deepEqual(
      listed.objects.find((o) => o.name === domain),
      { name: domain, state: 'shut off' },
    );
    const xml = await read(target('domain', domain));
    assert.ok(xml.ok, xml.message);
    assert.match(xml.stdout, new RegExp(`<name>${domain}</name>`));
    assert.match(xml.stdout, /<memory unit='KiB'>65536<\/memory>/);
  });

  it('saves an edit (virsh sees it), reports the comment libvirt drops, and gives the new base', async () => {
    const base = (await read(target('domain', domain))).stdout;
    const text = base.replace("<memory unit='KiB'>65536</memory>", "<!-- more for the installer -->\n  <memory unit='KiB'>131072</memory>");
    const saved = await save({ target: target('domain', domain), text, base });
    assert.equal(saved.ok, true, saved.message);
    assert.match(String(saved.stored), /<memory unit='KiB'>131072<\/memory>/);
    assert.deepEqual(
      saved.differences.map((d) => d.kind),
      ['dropped-comment'],
    );
    assert.match((await virsh(['dumpxml', '--inactive', '--domain', domain])).stdout, /<memory unit='KiB'>131072<\/memory>/);
    // The stored XML is the base of the next save: no conflict.
    const again = await save({ target: target('domain', domain), text: saved.stored!, base: saved.stored });
    assert.equal(again.ok, true, again.message);
  });

  it("refuses libvirt's refusal with its message, and the definition stays as it was", async () => {
    const before = (await read(target('domain', domain))).stdout;
    const text = before.replace(/<vcpu[^>]*>\d+<\/vcpu>/, "<vcpu placement='static'>0</vcpu>");
    const saved = await save({ target: target('domain', domain), text, base: before });
    assert.equal(saved.ok, false);
    assert.match(saved.message, /vcpu/i);
    assert.equal((await read(target('domain', domain))).stdout, before);
  });

  it('refuses to overwrite a definition changed since it was read; Overwrite (force) defines it', async () => {
    const base = (await read(target('domain', domain))).stdout;
    // Someone runs virsh edit in between.
    await defineFile('define', domain, base.replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>98304</memory>"));
    const mine = base.replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>262144</memory>");
    const refused = await save({ target: target('domain', domain), text: mine, base });
    assert.equal(refused.ok, false);
    assert.match(refused.message, new RegExp(`'${domain}' changed on ${LIBVIRT_TEST_URI} since you opened it`));
    assert.match(String(refused.conflict?.current), /98304/);
    assert.match((await read(target('domain', domain))).stdout, /98304/, 'not overwritten');
    const forced = await save({ target: target('domain', domain), text: mine, base, force: true });
    assert.equal(forced.ok, true, forced.message);
    assert.match((await read(target('domain', domain))).stdout, /262144/);
  });

  it('refuses a changed <name> or <uuid>, and names domrename', async () => {
    const base = (await read(target('domain', domain))).stdout;
    const renamed = await save({
      target: target('domain', domain),
      text: base.replace(`<name>${domain}</name>`, '<name>other</name>'),
      base,
    });
    assert.equal(renamed.ok, false);
    assert.deepEqual(renamed.renamed, { from: domain, to: 'other', what: 'name' });
    assert.match(renamed.message, new RegExp(`virsh domrename ${domain} other`));
    const reuuid = await save({
      target: target('domain', domain),
      text: base.replace(/<uuid>[^<]+<\/uuid>/, '<uuid>00000000-0000-0000-0000-000000000001</uuid>'),
      base,
    });
    assert.equal(reuuid.ok, false);
    assert.equal(reuuid.renamed?.what, 'uuid');
    assert.equal((await virsh(['domuuid', '--domain', 'other'])).ok, false, 'no second domain');
  });

  it('networks: listed, read, saved and started and stopped', async () => {
    await defineFile(
      'net-define',
      network,
      `<network><name>${network}</name><bridge name='virbr-lt${process.pid % 1000}'/><ip address='10.254.${process.pid % 250}.1' netmask='255.255.255.0'/></network>`,
    );
    const listed = await run<{ ok: boolean; objects: Array<{ name: string; state: string }> }>(client, 'libvirt.listObjects', {
      connection: LIBVIRT_TEST_URI,
      kind: 'network',
    });
    assert.deepEqual(
      listed.objects.find((o) => o.name === network),
      { name: network, state: 'inactive' },
    );
    const base = (await read(target('network', network))).stdout;
    const saved = await save({
      target: target('network', network),
      text: base.replace('</network>', "  <domain name='lab.test'/>\n</network>"),
      base,
    });
    assert.equal(saved.ok, true, saved.message);
    assert.match((await virsh(['net-dumpxml', '--inactive', network])).stdout, /<domain name='lab\.test'\/>/);
    const started = await run<VirshReply>(client, 'libvirt.objectAction', { target: target('network', network), action: 'start' });
    assert.equal(started.ok, true, started.message);
    const stopped = await run<VirshReply>(client, 'libvirt.objectAction', { target: target('network', network), action: 'destroy' });
    assert.equal(stopped.ok, true, stopped.message);
  });

  it('storage pools: saved, started, and their volumes listed and read', async () => {
    const path = join(dir, 'pool');
    rmSync(path, { recursive: true, force: true });
    writeFileSync(join(dir, 'keep'), '');
    chmodSync(dir, 0o755);
    await defineFile('pool-define', pool, `<pool type='dir'><name>${pool}</name><target><path>${path}</path></target></pool>`);
    const built = await virsh(['pool-build', pool]);
    assert.ok(built.ok, built.stderr);
    const base = (await read(target('pool', pool))).stdout;
    const saved = await save({ target: target('pool', pool), text: base, base });
    assert.equal(saved.ok, true, saved.message);
    assert.equal((await run<VirshReply>(client, 'libvirt.objectAction', { target: target('pool', pool), action: 'start' })).ok, true);
    const created = await virsh(['vol-create-as', pool, 'disk one.qcow2', '1M', '--format', 'qcow2']);
    assert.ok(created.ok, created.stderr);
    const volumes = await run<{ ok: boolean; objects: Array<{ name: string }> }>(client, 'libvirt.listObjects', {
      connection: LIBVIRT_TEST_URI,
      kind: 'volume',
      pool,
    });
    assert.deepEqual(
      volumes.objects.map((o) => o.name),
      ['disk one.qcow2'],
    );
    const volume = await read({ ...target('volume', 'disk one.qcow2'), pool });
    assert.match(volume.stdout, /<name>disk one\.qcow2<\/name>/);
  });

  it("libvirt's test driver as a second connection, and one that cannot be reached", async () => {
    const test = await run<{ ok: boolean; objects: Array<{ name: string; state: string }> }>(client, 'libvirt.listObjects', {
      connection: 'test:///default',
      kind: 'domain',
    });
    assert.deepEqual(test.objects, [{ name: 'test', state: 'running' }]);
    const unreachable = await run<{ ok: boolean; message: string }>(client, 'libvirt.listObjects', {
      connection: 'qemu+tcp://127.0.0.1:1/system',
      kind: 'domain',
    });
    assert.equal(unreachable.ok, false);
    assert.match(unreachable.message, /Connection refused|unable to connect/i);
  });

  it('compares a workspace file with the live definition: the same, then drift, and not defined there', async () => {
    const stored = (await read(target('domain', domain))).stdout;
    const uri = `file://${dir}/${domain}.xml`;
    const same = client.nextDiagnostics(uri, () => true, 5000).catch(() => undefined);
    client.open(uri, stored);
    await same;
    const compare = () =>
      run<{ ok: boolean; exists: boolean; same: boolean; differences: string[]; liveWithoutAdditions: string }>(
        client,
        'libvirt.compareDocumentWithLive',
        {
          documentUri: uri,
          connection: LIBVIRT_TEST_URI,
        },
      );
    const first = await compare();
    assert.equal(first.exists, true);
    assert.equal(first.same, true, first.differences?.join('\n'));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: stored.replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>524288</memory>") }],
    });
    const changed = await compare();
    assert.equal(changed.same, false);
    assert.match(changed.differences.join('\n'), /^file: domain\/memory: /m);
    const elsewhere = `file://${dir}/other.xml`;
    client.open(elsewhere, domainXml({ name: 'lint-never-defined' }));
    const missing = await run<{ ok: boolean; exists: boolean }>(client, 'libvirt.compareDocumentWithLive', {
      documentUri: elsewhere,
      connection: LIBVIRT_TEST_URI,
    });
    assert.deepEqual([missing.ok, missing.exists], [true, false]);
  });

  it('refuses malformed requests with a reason', async () => {
    assert.match(
      String((await run(client, 'libvirt.readObject', { connection: '', kind: 'planet', name: 'x' })).message),
      /kind must be one of/,
    );
    assert.match(String((await run(client, 'libvirt.saveObject', { target: target('domain', domain) })).message), /XML to save/);
    const wrong = await save({ target: target('domain', domain), text: '<network><name>x</name></network>' });
    assert.match(wrong.message, /not a <domain> document/);
  });
});

describe('libvirt: documents are analysed for their own connection', () => {
  it("uses the host of the connection the document names, not the configured one's", async () => {
    const client = await startLspClient({
      connectionUri: 'test:///default',
      connections: [{ name: 'gpu-box', uri: 'qemu+ssh://root@gpu-box/system' }],
      virshPath: standInVirsh('gpu-desktop'),
    });
    try {
      const hostdev = domainXml({
        devices:
          "    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='0x27' slot='0x00' function='0x0'/>\n      </source>\n    </hostdev>",
      });
      const live = 'libvirt://gpu-box/domains/win10.xml';
      const published = client.nextDiagnostics(live, (p) => p.diagnostics.some((d) => d.code === 'iommu-group-incomplete'), 15_000);
      client.open(live, hostdev);
      const diagnostic = (await published).diagnostics.find((d) => d.code === 'iommu-group-incomplete')!;
      assert.match(String(diagnostic.message), /snd_hda_intel/);
      // The same text as a file is analysed for the configured connection (the test driver: no host facts).
      const file = 'file:///work/win10.xml';
      client.open(file, hostdev);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const forFile = client.published.filter((p) => p.uri === file).flatMap((p) => p.diagnostics);
      assert.ok(!forFile.some((d) => d.code === 'iommu-group-incomplete'), JSON.stringify(forFile));
    } finally {
      await client.close();
    }
  });
});
