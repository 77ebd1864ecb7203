// The remote path end to end: qemu+ssh:// through a real sshd on loopback to this machine's libvirtd. The host
// facts arrive over ssh and are marked remote; the host rules use them in the language server.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLibvirtHostFacts } from '../../server/src/host/libvirt/libvirtHostFacts';
import { domainXml } from '../support/domainXml';
import { type LspClient, startLspClient } from '../support/lspClient';
import { type SshLoopback, startSshLoopback } from '../support/sshLoopback';

describe('a real remote connection (qemu+ssh:// on loopback)', () => {
  let ssh: SshLoopback;
  let client: LspClient | undefined;
  before(async () => {
    ssh = await startSshLoopback();
  });
  after(async () => {
    await client?.close();
    ssh?.stop();
  });

  it("reads the remote daemon's facts over ssh", async () => {
    const started = performance.now();
    const facts = await createLibvirtHostFacts({ uri: ssh.uri, timeoutMs: 60_000 }).settled();
    assert.equal(facts.unavailable, undefined, String(facts.unavailable));
    assert.deepEqual(facts.connection, { uri: ssh.uri, local: false });
    assert.equal(facts.arch, 'x86_64');
    assert.ok((facts.pciDevices?.length ?? 0) > 0);
    assert.ok(facts.guests?.some((guest) => guest.arch === 'x86_64'));
    console.log(
      `# host facts over qemu+ssh:// loaded in ${(performance.now() - started).toFixed(0)} ms (${facts.pciDevices?.length} PCI devices)`,
    );
  });

  it('checks a domain against the remote host in the language server (its machine types, its networks)', async () => {
    client = await startLspClient({ connectionUri: ssh.uri });
    const uri = 'file:///work/remote.xml';
    const text = domainXml({
      machine: 'pc-q35-9.2',
      devices: "    <interface type='network'>\n      <source network='lab-net'/>\n      <model type='virtio'/>\n    </interface>",
    });
    const published = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'host-unsupported-value'), 60_000);
    client.open(uri, text);
    const diagnostics = (await published).diagnostics;
    const unsupported = diagnostics.find((d) => d.code === 'host-unsupported-value')!;
    assert.match(String(unsupported.message), /does not offer machine type 'pc-q35-9\.2'/);
    assert.match(String(unsupported.message), /qemu\+ssh:\/\/root@127\.0\.0\.1/);
    const network = diagnostics.find((d) => d.code === 'source-not-on-host');
    assert.ok(network, 'the remote host has no network lab-net');
    assert.match(String(network.message), /has no virtual network 'lab-net'/);
  });
});
