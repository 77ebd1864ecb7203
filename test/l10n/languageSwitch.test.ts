// The language server speaks the client's language: initialize's `locale`, overridden by `libvirt.language`, and a
// change of the setting re-publishes every open document's diagnostics at once, in the new language, with the same
// codes and ranges.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../support/built';
import { type LspClient, startLspClient } from '../support/lspClient';

const CHINESE = /[\u4e00-\u9fff]/;
const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples', 'virtio-conversion-half-done.xml'), 'utf8');
const URI = 'file:///work/virtio-conversion-half-done.xml';

/** A diagnostic's message (plain text from this server). */
const text = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);

/** What must not change with the language: each diagnostic's rule, range and severity. */
const shape = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity }));

describe('language of the language server', () => {
  let client: LspClient;
  before(async () => {
    client = await startLspClient({}, { locale: 'zh-cn' });
  });
  after(async () => {
    await client.close();
  });

  it("speaks the client's display language (initialize locale) and re-publishes at once when libvirt.language changes", async () => {
    const first = client.nextDiagnostics(URI, (p) => p.diagnostics.length > 0);
    client.open(URI, EXAMPLE);
    const chinese = (await first).diagnostics;
    assert.ok(chinese.some((d) => d.code === 'address-type-mismatch'));
    for (const d of chinese) assert.match(text(d), CHINESE, `${d.code}: ${text(d)}`);

    client.settings = { language: 'en' };
    const english = client.nextDiagnostics(URI, (p) => p.diagnostics.every((d) => !CHINESE.test(text(d))), 2000);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const inEnglish = (await english).diagnostics;
    assert.deepEqual(shape(inEnglish), shape(chinese));
    assert.ok(inEnglish.some((d) => /^Disk sda is on bus virtio but has a drive address/.test(text(d))));

    client.settings = { language: 'auto' };
    const back = client.nextDiagnostics(URI, (p) => p.diagnostics.every((d) => CHINESE.test(text(d))), 2000);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(shape((await back).diagnostics), shape(chinese));
  });

  it('gives quick fix titles in the language in force', async () => {
    client.settings = { language: 'zh-cn' };
    const republished = client.nextDiagnostics(URI, (p) => p.diagnostics.length > 0, 2000).catch(() => undefined);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await republished;
    const diagnostics = client.published.filter((p) => p.uri === URI).at(-1)!.diagnostics;
    const target = diagnostics.find((d) => d.code === 'address-type-mismatch')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as Array<{ title: string }>;
    assert.ok(actions.length > 0);
    for (const action of actions) assert.match(action.title, CHINESE, action.title);
  });
});
