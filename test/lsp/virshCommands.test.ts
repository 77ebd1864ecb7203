// workspace/executeCommand: define, validate, dumpxml and list through the language server, with a real libvirtd.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture } from '../support/built';
import { type LspClient, startLspClient } from '../support/lspClient';
import { LIBVIRT_TEST_URI, testDomainName, virsh } from '../support/virsh';

const CLEAN = readFileSync(fixture('linux-q35-clean.xml'), 'utf8').replace("type='kvm'", "type='qemu'");
const named = (name: string, text = CLEAN) => text.replace('<name>fedora-server</name>', `<name>${name}</name>`);
const DEFINED = testDomainName('lsp-define-ok');
const REFUSED = testDomainName('lsp-define-bad');
const run = (client: LspClient, command: string, ...args: unknown[]) =>
  client.connection.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<Record<string, unknown>>;

describe('virsh commands through the language server', () => {
  let client: LspClient;
  before(async () => {
    client = await startLspClient({ connectionUri: LIBVIRT_TEST_URI });
  });
  after(async () => {
    await virsh(['undefine', '--nvram', '--domain', DEFINED]);
    await client.close();
  });

  it('defines the buffer and reports what libvirt dropped, with its line', async () => {
    const uri = 'file:///work/define-ok.xml';
    const text = named(DEFINED).replace('</devices>', '</devices>\n  <bogus-element/>');
    client.open(uri, text);
    const result = await run(client, 'libvirt.defineDocument', uri);
    assert.equal(result.ok, true, String(result.message));
    assert.equal(result.name, DEFINED);
    assert.deepEqual(
      (result.differences as Array<{ path: string; line: number }>).map((d) => [d.path, d.line]),
      [['domain/bogus-element', text.split('\n').findIndex((l) => l.includes('bogus-element'))]],
    );
    assert.match(String(result.stored), new RegExp(`<name>${DEFINED}</name>`));
    const listed = await run(client, 'libvirt.listDomains');
    assert.ok((listed.domains as Array<{ name: string }>).some((d) => d.name === DEFINED));
    const dumped = await run(client, 'libvirt.dumpXml', DEFINED);
    assert.match(String(dumped.stdout), /<uuid>/);
  });

  it("returns libvirt's message when it refuses the domain", async () => {
    const uri = 'file:///work/define-bad.xml';
    client.open(
      uri,
      named(REFUSED).replace(
        "bus='virtio'/>\n    </disk>",
        "bus='virtio'/>\n    </disk>\n    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>",
      ),
    );
    const result = await run(client, 'libvirt.defineDocument', uri);
    assert.equal(result.ok, false);
    assert.equal(result.message, 'unsupported configuration: IDE controllers are unsupported for this QEMU binary or machine type');
  });

  it("publishes virt-xml-validate's problems beside the rules' diagnostics", async () => {
    const uri = 'file:///work/schema.xml';
    const text = named('lsp-schema').replace("<disk type='file' device='disk'>", "<disk type='file' device='disk' bogus='1'>");
    client.open(uri, text);
    const published = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.source === 'virt-xml-validate'));
    const result = await run(client, 'libvirt.validateDocument', uri);
    assert.equal(result.ok, false);
    const schema = (await published).diagnostics.filter((d) => d.source === 'virt-xml-validate');
    assert.ok(schema.length > 0);
    assert.ok(schema.every((d) => d.range.start.line > 0));
  });

  it('defines a network (net-define) and a pool (pool-define), creates a volume in it (vol-create), and validates each kind', async () => {
    const network = testDomainName('lsp-net');
    const pool = testDomainName('lsp-pool');
    const dir = mkdtempSync(join(tmpdir(), 'lsp-pool-'));
    try {
      const networkUri = 'file:///work/net.xml';
      // stp='maybe' is taken as on: libvirt stores stp='on', the report says so.
      client.open(
        networkUri,
        `<network>\n  <name>${network}</name>\n  <bridge name='lvt-lsp' stp='maybe'/>\n  <ip address='10.233.0.1' prefix='24'/>\n</network>\n`,
      );
      const defined = await run(client, 'libvirt.defineDocument', networkUri);
      assert.equal(defined.ok, true, String(defined.message));
      assert.equal(defined.kind, 'network');
      assert.equal(defined.name, network);
      assert.deepEqual(
        (defined.differences as Array<{ path: string; detail: string }>).map((d) => d.path),
        ['network/bridge'],
      );
      const named = await run(client, 'libvirt.domainName', networkUri);
      assert.deepEqual(named, { ok: true, name: network, kind: 'network' });
      const validated = await run(client, 'libvirt.validateDocument', networkUri);
      assert.equal(validated.ok, false, 'network.rng has no stp=maybe');

      const poolUri = 'file:///work/pool.xml';
      client.open(poolUri, `<pool type='dir'>\n  <name>${pool}</name>\n  <target>\n    <path>${dir}</path>\n  </target>\n</pool>\n`);
      const poolDefined = await run(client, 'libvirt.defineDocument', poolUri);
      assert.equal(poolDefined.ok, true, String(poolDefined.message));
      assert.equal(poolDefined.kind, 'pool');
      assert.equal((await run(client, 'libvirt.validateDocument', poolUri)).ok, true);
      assert.ok((await virsh(['pool-start', '--pool', pool])).ok);

      const volumeUri = 'file:///work/volume.xml';
      client.open(
        volumeUri,
        "<volume>\n  <name>lsp.qcow2</name>\n  <capacity unit='MiB'>1</capacity>\n  <target>\n    <format type='qcow2'/>\n  </target>\n</volume>\n",
      );
      const withoutPool = await run(client, 'libvirt.defineDocument', volumeUri);
      assert.equal(withoutPool.ok, false);
      assert.match(String(withoutPool.message), /created in a pool/);
      const created = await run(client, 'libvirt.defineDocument', volumeUri, { pool });
      assert.equal(created.ok, true, String(created.message));
      assert.equal(created.kind, 'volume');
      assert.equal(created.name, 'lsp.qcow2');
      assert.match(String(created.stored), /<format type='qcow2'\/>/);
      const again = await run(client, 'libvirt.defineDocument', volumeUri, { pool });
      assert.equal(again.ok, false);
      assert.match(String(again.message), /exists already/);
    } finally {
      await virsh(['vol-delete', '--pool', pool, '--vol', 'lsp.qcow2']);
      await virsh(['pool-destroy', '--pool', pool]);
      await virsh(['pool-undefine', '--pool', pool]);
      await virsh(['net-undefine', '--network', network]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses virsh commands in an untrusted workspace', async () => {
    void client.connection.sendNotification('libvirt/workspaceTrust', { trusted: false });
    const result = await run(client, 'libvirt.listDomains');
    assert.equal(result.ok, false);
    assert.match(String(result.message), /not trusted/);
    void client.connection.sendNotification('libvirt/workspaceTrust', { trusted: true });
  });

  it("tells a document's <name> as the parser reads it (entities decoded), trusted or not", async () => {
    const uri = 'file:///work/named.xml';
    client.open(uri, named('web &amp; db'));
    assert.deepEqual(await run(client, 'libvirt.domainName', uri), { ok: true, name: 'web & db', kind: 'domain' });
    void client.connection.sendNotification('libvirt/workspaceTrust', { trusted: false });
    assert.deepEqual(await run(client, 'libvirt.domainName', uri), { ok: true, name: 'web & db', kind: 'domain' });
    void client.connection.sendNotification('libvirt/workspaceTrust', { trusted: true });
    const nameless = 'file:///work/nameless.xml';
    client.open(nameless, CLEAN.replace('<name>fedora-server</name>', ''));
    assert.deepEqual(await run(client, 'libvirt.domainName', nameless), { ok: false, message: 'This file has no <name>.' });
    assert.equal((await run(client, 'libvirt.domainName', 'file:///work/not-open.xml')).ok, false);
  });

  it('refuses in the shape of the reply the command promises', async () => {
    const define = await run(client, 'libvirt.defineDocument', 'file:///work/not-open.xml');
    assert.deepEqual(define, { ok: false, message: 'No open document file:///work/not-open.xml.', stderr: '', differences: [] });
    const dump = await run(client, 'libvirt.dumpXml');
    assert.deepEqual(dump, { ok: false, message: 'A domain name is needed.', stdout: '', stderr: '' });
  });
});
