// The language server's own messages in the language in force (initialize `locale`, overridden by libvirt.language):
// command replies, refusals, the host summary and the "host facts unavailable" notice. libvirt's own messages stay
// verbatim English inside them; the shape of every reply is the same in every language.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { fixture } from '../support/built';
import { type LspClient, startLspClient } from '../support/lspClient';
import { standInVirsh } from '../support/recordedHosts';
import { LIBVIRT_TEST_URI, testDomainName } from '../support/virsh';

const REMOTE = 'qemu+ssh://root@gpu-box/system';
const CLEAN = readFileSync(fixture('linux-q35-clean.xml'), 'utf8').replace("type='kvm'", "type='qemu'");
const run = (client: LspClient, command: string, ...args: unknown[]) =>
  client.connection.sendRequest('workspace/executeCommand', { command, arguments: args }) as Promise<Record<string, unknown>>;
const changeSettings = (client: LspClient, settings: unknown) => {
  client.settings = settings;
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
};
/** What `probe` gives once it gives `expected` (the server reads the settings it was told of in the background). */
async function eventually(probe: () => Promise<unknown>, expected: unknown): Promise<unknown> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = await probe();
    if (value === expected) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return probe();
}

describe("the language server's own messages in zh-CN", () => {
  const clients: LspClient[] = [];
  const start = async (settings: unknown) => {
    // Also in initializationOptions, as VS Code sends them: in force from the first request.
    const client = await startLspClient(settings, { locale: 'zh-cn', initializationOptions: { settings } });
    clients.push(client);
    return client;
  };
  after(async () => {
    for (const client of clients) await client.close();
  });

  it('refuses in Chinese, in the shape of the reply the command promises', async () => {
    const client = await start({ connectionUri: LIBVIRT_TEST_URI });
    const nameless = 'file:///work/zh-nameless.xml';
    client.open(nameless, CLEAN.replace('<name>fedora-server</name>', ''));
    assert.deepEqual(await run(client, 'libvirt.domainName', nameless), { ok: false, message: '此文件没有 <name>。' });
    assert.deepEqual(await run(client, 'libvirt.defineDocument', 'file:///work/not-open.xml'), {
      ok: false,
      message: '没有打开的文档 file:///work/not-open.xml。',
      stderr: '',
      differences: [],
    });
    assert.deepEqual(await run(client, 'libvirt.dumpXml'), { ok: false, message: '需要指定域的名称。', stdout: '', stderr: '' });
    const target = { connection: LIBVIRT_TEST_URI, kind: 'domain', name: 'zh-a' };
    const renamed = await run(client, 'libvirt.saveObject', { target, text: '<domain><name>zh-b</name></domain>' });
    assert.equal(renamed.ok, false);
    assert.deepEqual(renamed.renamed, { from: 'zh-a', to: 'zh-b', what: 'name' });
    assert.match(String(renamed.message), /^<name> 从 'zh-a' 改成了 'zh-b'：.*virsh domrename zh-a zh-b/);
    const wrongKind = await run(client, 'libvirt.readObject', { connection: '', kind: 'planet', name: 'x' });
    assert.match(String(wrongKind.message), /^目标的 kind 必须是 domain, network, pool, volume 之一。$/);
  });

  it("quotes libvirt's refusal verbatim, in English", async () => {
    const client = await start({ connectionUri: LIBVIRT_TEST_URI });
    const uri = 'file:///work/zh-define-bad.xml';
    client.open(
      uri,
      CLEAN.replace('<name>fedora-server</name>', `<name>${testDomainName('lsp-zh-define-bad')}</name>`).replace(
        "bus='virtio'/>\n    </disk>",
        "bus='virtio'/>\n    </disk>\n    <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>",
      ),
    );
    const result = await run(client, 'libvirt.defineDocument', uri);
    assert.equal(result.ok, false);
    assert.equal(result.message, 'unsupported configuration: IDE controllers are unsupported for this QEMU binary or machine type');
  });

  it('speaks English when libvirt.language says so, whatever the display language, and Chinese again on auto', async () => {
    const client = await start({ connectionUri: LIBVIRT_TEST_URI, language: 'en' });
    const nameless = 'file:///work/zh-nameless-en.xml';
    client.open(nameless, CLEAN.replace('<name>fedora-server</name>', ''));
    assert.equal((await run(client, 'libvirt.domainName', nameless)).message, 'This file has no <name>.');
    changeSettings(client, { connectionUri: LIBVIRT_TEST_URI, language: 'auto' });
    const message = async () => (await run(client, 'libvirt.domainName', nameless)).message;
    assert.equal(await eventually(message, '此文件没有 <name>。'), '此文件没有 <name>。');
  });

  it("summarises the host in Chinese, and says once in Chinese that a failing host's facts are unavailable", async () => {
    const gpu = await start({ connectionUri: REMOTE, virshPath: standInVirsh('gpu-desktop') });
    assert.deepEqual(await run(gpu, 'libvirt.refreshHost'), {
      ok: true,
      uri: REMOTE,
      message: '',
      summary: 'x86_64，16 个 CPU，31.3 GiB，7 个 PCI 设备，IOMMU 已启用',
    });
    const failing = await start({ connectionUri: REMOTE, virshPath: standInVirsh('fails') });
    const uri = 'file:///work/zh-failing.xml';
    const published = failing.nextDiagnostics(uri);
    failing.open(uri, readFileSync(fixture('win10-gpu-passthrough.xml'), 'utf8'));
    await published;
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      failing.messages.map((m) => m.message),
      [
        `无法获取 ${REMOTE} 的宿主机信息：failed to connect to the hypervisor\nCannot recv data: ssh: Could not resolve hostname gpu-box: Name or service not known: Connection reset by peer`,
      ],
    );
    const missing = await start({ connectionUri: REMOTE, virshPath: '/no/such/virsh' });
    const refreshed = await run(missing, 'libvirt.refreshHost');
    assert.equal(refreshed.ok, false);
    assert.match(String(refreshed.message), /^找不到 virsh。请安装它（Debian\/Ubuntu：sudo apt install libvirt-clients；/);
  });
});
