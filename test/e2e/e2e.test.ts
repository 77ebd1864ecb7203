// End-to-end: the packaged extension in a real VS Code (code-server) driven by Debian's Chromium. First the
// extension-host suite (real `vscode` API), then a user's flow through the UI with playwright-core.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { standInVirsh } from '../support/recordedHosts';
import { LIBVIRT_TEST_URI, testDomainName, virsh } from '../support/virsh';
import { CHROMIUM, CHROMIUM_ARGS, ensureCodeServer, REPO_ROOT, startCodeServer } from './codeServer';

const OUTPUT = join(REPO_ROOT, '.vscode-test', 'e2e-output');
const SETTINGS = { 'libvirt.connectionUri': 'test:///default' };

/** The text of the first frame (a webview, such as the Markdown preview) that shows `text`. */
async function waitForFrameText(page: Page, text: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const body = await frame.evaluate<string>("document.body ? document.body.innerText : ''").catch(() => '');
      if (body.includes(text)) return body;
    }
    if (Date.now() > deadline) throw new Error(`no frame shows ${JSON.stringify(text)} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
/**
 * Goes to line:column and shows the hover at the cursor, as a keyboard user does (Ctrl+G, Ctrl+K Ctrl+I); on a loaded
 * machine the first one can come before the editor has taken the cursor move, or be closed by a late repaint: ask
 * again, as a user would. Resolves with the hover's text; fails unless it shows `code`.
 */
async function hoverAt(page: Page, position: string, code: string): Promise<string> {
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+KeyG');
  await page.keyboard.type(position);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 20_000 });
  const shown = `.monaco-hover:not(.hidden):has-text("${code}")`;
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.keyboard.press('Control+KeyK');
    await page.keyboard.press('Control+KeyI');
    const hover = await page.waitForSelector(shown, { timeout: 8_000 }).catch(() => null);
    if (hover) return hover.innerText();
  }
  throw new Error(`the hover at ${position} does not show the ${code} diagnostic`);
}

const timings: Record<string, number> = {};

/** Named steps of a UI flow: a failing step leaves a screenshot `<prefix>-<step>.png` and says which step it was. */
function stepsOf(page: Page, prefix: string) {
  return async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (error) {
      await page.screenshot({ path: join(OUTPUT, `${prefix}-${name}.png`) }).catch(() => undefined);
      throw new Error(`step "${name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** MemAvailable from /proc/meminfo, in MB: its drop during the run is the memory code-server and Chromium took. */
function availableMb(): number {
  const match = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function buildSuite(into: string): Promise<string> {
  const outfile = join(into, 'suite', 'index.js');
  await build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

async function waitForFile(path: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return readFileSync(path, 'utf8');
}

describe('the extension in a real VS Code', { timeout: 900_000 }, () => {
  let browser: Browser;
  let sampler: NodeJS.Timeout | undefined;
  let baseline = 0;
  let lowest = Infinity;
  const started = Date.now();
  before(async () => {
    ensureCodeServer();
    baseline = availableMb();
    sampler = setInterval(() => {
      lowest = Math.min(lowest, availableMb());
    }, 500);
    mkdirSync(OUTPUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    clearInterval(sampler);
    console.log(
      `e2e: ${Math.round((Date.now() - started) / 1000)} s in all (after install), memory peak ${Math.round(baseline - lowest)} MB above the baseline`,
    );
  });

  it('passes the extension-host suite', async (t) => {
    const server = await startCodeServer(join(REPO_ROOT, 'test', 'fixtures'), SETTINGS);
    const page = await browser.newPage();
    try {
      const suite = await buildSuite(server.root);
      const started = Date.now();
      await page.goto(
        server.url([
          ['extensionDevelopmentPath', server.remote(REPO_ROOT)],
          ['extensionTestsPath', server.remote(suite)],
        ]),
      );
      const results = JSON.parse(await waitForFile(join(server.workspace, '.e2e-results.json'), 240_000)) as Array<{
        name: string;
        ok: boolean;
        error?: string;
        ms: number;
      }>;
      timings['extension-host suite'] = Date.now() - started;
      assert.ok(results.length >= 7, `${results.length} results`);
      for (const result of results) {
        await t.test(result.name, () => assert.ok(result.ok, result.error ?? 'failed'));
      }
    } catch (error) {
      await page.screenshot({ path: join(OUTPUT, 'extension-host-failure.png') }).catch(() => undefined);
      throw error;
    } finally {
      await page.close();
      server.stop();
    }
  });

  it('a user checks a remote GPU host for a domain and reads the report (the host played by its recorded virsh)', async () => {
    const settings = { 'libvirt.connectionUri': 'qemu+ssh://root@gpu-box/system', 'libvirt.virshPath': standInVirsh('gpu-desktop') };
    const server = await startCodeServer(join(REPO_ROOT, 'test', 'fixtures'), settings);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(
        server.url([
          ['extensionDevelopmentPath', server.remote(REPO_ROOT)],
          ['openFile', server.remote(join(server.workspace, 'win10-gpu-passthrough.xml'))],
        ]),
      );
      await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 90_000 });
      await page.click('.monaco-editor .view-lines');
      await page.keyboard.press('F1');
      await page.keyboard.type('Libvirt: Check Host');
      await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Check Host for This Domain")', { timeout: 20_000 });
      await page.keyboard.press('Enter');
      // The report opens beside the domain and in VS Code's Markdown preview.
      const preview = await waitForFrameText(page, 'IOMMU group 16', 60_000);
      assert.ok(preview.includes('0000:27:00.1'), 'the audio function is in the report');
      assert.ok(preview.includes('options vfio-pci ids=10de:2503,10de:228e'), 'with the line that fixes it');
      await page.waitForTimeout(1000);
      await page.screenshot({ path: join(OUTPUT, 'ui-host-report.png') });
    } finally {
      await page.close();
      server.stop();
    }
  });

  it('a Chinese user (VS Code in zh-cn) reads diagnostics, quick fixes and commands in Chinese', async () => {
    const server = await startCodeServer(join(REPO_ROOT, 'test', 'fixtures'), SETTINGS, { locale: 'zh-cn' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const step = stepsOf(page, 'ui-zh-cn-failure');
    const chinese = /[\u4e00-\u9fff]/;
    try {
      await page.goto(
        server.url([
          ['extensionDevelopmentPath', server.remote(REPO_ROOT)],
          ['openFile', server.remote(join(server.workspace, 'win10-gpu-passthrough.xml'))],
        ]),
      );
      await step('diagnostic', async () => {
        // The first squiggles in view are warnings (line 10); the PCI conflict's error is below the fold (hoverAt goes there).
        await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 90_000 });
        const text = await hoverAt(page, '41:61', 'pci-address-conflict');
        assert.match(text, /PCI 地址 0000:01:00\.0/, text);
        await page.screenshot({ path: join(OUTPUT, 'ui-zh-cn-hover.png') });
      });
      await step('quick fix', async () => {
        let rows: string[] = [];
        for (let attempt = 0; attempt < 4 && rows.length === 0; attempt++) {
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+.');
          await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 10_000 }).catch(() => null);
          rows = await page.$$eval('.action-widget .monaco-list-row', (elements) => elements.map((e) => e.textContent ?? ''));
        }
        assert.ok(
          rows.some((row) => chinese.test(row)),
          `a quick fix title in Chinese: ${rows.join(' | ')}`,
        );
        await page.keyboard.press('Escape');
      });
      await step('command title', async () => {
        await page.keyboard.press('F1');
        await page.keyboard.type('Libvirt');
        await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20_000 });
        const rows = await page.$$eval('.quick-input-list .monaco-list-row', (elements) => elements.map((e) => e.textContent ?? ''));
        assert.ok(
          rows.some((row) => /Libvirt/.test(row) && chinese.test(row)),
          `a Libvirt command titled in Chinese: ${rows.slice(0, 5).join(' | ')}`,
        );
        await page.screenshot({ path: join(OUTPUT, 'ui-zh-cn-commands.png') });
        await page.keyboard.press('Escape');
      });
    } finally {
      await page.close();
      server.stop();
    }
  });

  it('a user opens a live domain from the Libvirt explorer, edits and saves it, meets a conflict, and compares a file with it', async () => {
    const domain = testDomainName('ui-live');
    const dir = mkdtempSync(join(tmpdir(), 'lint-ui-live-'));
    const domainXml = (memoryMiB: number) =>
      `<domain type='qemu'>\n  <name>${domain}</name>\n  <memory unit='MiB'>${memoryMiB}</memory>\n  <vcpu>1</vcpu>\n  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n  <devices>\n    <graphics type='vnc' port='-1'/>\n  </devices>\n</domain>\n`;
    const define = async (text: string) => {
      writeFileSync(join(dir, 'domain.xml'), text);
      const defined = await virsh(['define', '--file', join(dir, 'domain.xml')]);
      assert.ok(defined.ok, defined.stderr);
    };
    await define(domainXml(64));
    const settings = { ...SETTINGS, 'libvirt.connections': [{ name: 'local', uri: LIBVIRT_TEST_URI }] };
    const server = await startCodeServer(join(REPO_ROOT, 'test', 'fixtures'), settings);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const step = stepsOf(page, 'ui-live-failure');
    // Opens the notifications center until it shows `text`: the save's own notification can arrive while the command
    // palette is open and take the focus from it (as it would from a user, who opens it again).
    const notifications = async (text: string) => {
      const shown = `.notifications-center:has-text(${JSON.stringify(text)})`;
      for (let attempt = 0; attempt < 4; attempt++) {
        if (await page.$(`${shown}:visible`)) return;
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await page.keyboard.type('Notifications: Show Notifications');
        await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Show Notifications")', { timeout: 20_000 });
        await page.keyboard.press('Enter');
        if (await page.waitForSelector(shown, { state: 'visible', timeout: 10_000 }).catch(() => null)) return;
      }
      await page.waitForSelector(shown, { state: 'visible', timeout: 10_000 });
    };
    try {
      await page.goto(server.url([['extensionDevelopmentPath', server.remote(REPO_ROOT)]]));
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await step('explorer', async () => {
        await page.click('.activitybar .action-label[aria-label^="Libvirt"]', { timeout: 60_000 });
        const row = await page.waitForSelector(`.monaco-list-row:has-text("${domain}")`, { timeout: 60_000 });
        assert.match(await row.innerText(), /shut off/);
        await page.screenshot({ path: join(OUTPUT, 'ui-explorer.png') });
        await row.click();
        await page.waitForSelector(`.monaco-editor .view-lines:has-text("<name>${domain}</name>")`, { timeout: 30_000 });
      });
      await step('edit and save', async () => {
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('<!-- resized for the installer -->');
        await page.keyboard.press('Control+KeyS');
        await notifications('libvirt dropped or rewrote 1 part(s)');
        const stored = await virsh(['dumpxml', '--inactive', '--domain', domain]);
        assert.ok(stored.ok && !stored.stdout.includes('resized for the installer'), 'defined, without the comment');
        await page.screenshot({ path: join(OUTPUT, 'ui-live-saved.png') });
        await page.keyboard.press('Escape');
      });
      await step('conflict', async () => {
        // Someone runs virsh edit meanwhile.
        const stored = (await virsh(['dumpxml', '--inactive', '--domain', domain])).stdout;
        await define(stored.replace(/<memory unit='KiB'>\d+<\/memory>/, "<memory unit='KiB'>98304</memory>"));
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\n');
        await page.keyboard.press('Control+KeyS');
        const dialog = await page.waitForSelector('.monaco-dialog-box:has-text("since you opened it")', { timeout: 30_000 });
        await page.screenshot({ path: join(OUTPUT, 'ui-conflict.png') });
        assert.match((await virsh(['dumpxml', '--inactive', '--domain', domain])).stdout, /98304/, 'not overwritten while asking');
        await (await dialog.waitForSelector('a.monaco-button:has-text("Compare"), .monaco-button:has-text("Compare")')).click();
        await page.waitForSelector('.monaco-diff-editor', { timeout: 30_000 });
        assert.match((await virsh(['dumpxml', '--inactive', '--domain', domain])).stdout, /98304/, 'still not overwritten');
      });
      await step('drift', async () => {
        writeFileSync(join(server.workspace, `${domain}.xml`), domainXml(128));
        await page.goto(
          server.url([
            ['extensionDevelopmentPath', server.remote(REPO_ROOT)],
            ['openFile', server.remote(join(server.workspace, `${domain}.xml`))],
          ]),
        );
        await page.waitForSelector('.monaco-editor .codelens-decoration:has-text("differs from local")', { timeout: 60_000 });
        await page.click('.monaco-editor .codelens-decoration a:has-text("differs from local")');
        await page.waitForSelector('.monaco-diff-editor', { timeout: 30_000 });
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(OUTPUT, 'ui-drift.png') });
      });
    } finally {
      await page.close();
      server.stop();
      await virsh(['undefine', '--nvram', '--domain', domain]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a user sees the squiggle, reads the hover, hides virtualization with Ctrl+. and defines a domain', async () => {
    const server = await startCodeServer(join(REPO_ROOT, 'test', 'fixtures'), SETTINGS);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const step = stepsOf(page, 'ui-failure');
    try {
      const started = Date.now();
      await page.goto(
        server.url([
          ['extensionDevelopmentPath', server.remote(REPO_ROOT)],
          ['openFile', server.remote(join(server.workspace, 'win10-gpu-passthrough.xml'))],
        ]),
      );
      await step('squiggle', async () => {
        await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 90_000 });
        timings['page load to first diagnostic'] = Date.now() - started;
      });
      await step('hover', async () => {
        // The PCI conflict is on line 41, below the fold: go there so that the editor renders its squiggle.
        const text = await hoverAt(page, '41:61', 'pci-address-conflict');
        assert.match(text, /PCI address 0000:01:00\.0 is also used by/);
        await page.screenshot({ path: join(OUTPUT, 'ui-hover.png') });
      });
      const problemsLabel = async () => (await page.getAttribute('#status\\.problems', 'aria-label')) ?? '';
      const warnings = async () => Number(/Warnings: (\d+)/.exec(await problemsLabel())?.[1] ?? NaN);
      const before = await warnings();
      assert.ok(before >= 4, `status bar: ${await problemsLabel()}`);
      await step('hide virtualization', async () => {
        // On a loaded machine the first Ctrl+. can come before the editor has taken the click: ask again, as a user would.
        const hide = '.action-widget .monaco-list-row:has-text("Hide virtualization from the guest")';
        let row = null;
        for (let attempt = 0; attempt < 4 && !row; attempt++) {
          await page.keyboard.press('Escape');
          await page.click('.monaco-editor .squiggly-warning', { force: true });
          await page.keyboard.press('Control+.');
          row = await page.waitForSelector(hide, { timeout: 10_000 }).catch(() => null);
        }
        assert.ok(row, 'the action widget offers "Hide virtualization from the guest"');
        await row.click();
        await page.waitForFunction(
          `(() => { const m = /Warnings: (\\d+)/.exec(document.querySelector('#status\\\\.problems')?.getAttribute('aria-label') ?? ''); return m && Number(m[1]) < ${before}; })()`,
          undefined,
          { timeout: 20_000 },
        );
        assert.ok((await warnings()) <= before - 2, 'vendor-id-missing and kvm-hidden-missing are gone');
        const text = await page.innerText('.monaco-editor .view-lines');
        assert.match(text, /vendor_id/);
      });
      await step('complete an element', async () => {
        // Go to </devices> and start typing a new device: the suggestion comes from libvirt's schema.
        await page.keyboard.press('Control+KeyF');
        await page.keyboard.type('</devices>');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Home');
        await page.keyboard.type('<hostd', { delay: 50 });
        const row = await page.waitForSelector('.suggest-widget .monaco-list-row:has-text("hostdev"):not(:has-text("hostdev-gpu"))', {
          timeout: 20_000,
        });
        await page.screenshot({ path: join(OUTPUT, 'ui-completion.png') });
        await row.click();
        await page.waitForSelector(`.monaco-editor .view-lines:has-text("<hostdev mode='subsystem' type='pci' managed='yes'>")`, {
          timeout: 20_000,
        });
        await page.keyboard.press('Escape');
      });
      await step('define from the palette', async () => {
        await page.keyboard.press('Control+KeyS');
        await page.goto(
          server.url([
            ['extensionDevelopmentPath', server.remote(REPO_ROOT)],
            ['openFile', server.remote(join(server.workspace, 'test-driver-valid.xml'))],
          ]),
        );
        await page.waitForSelector('.monaco-editor .view-lines:has-text("e2e-test-driver")', { timeout: 60_000 });
        await page.waitForTimeout(3000);
        await page.waitForSelector('.monaco-editor .codelens-decoration:has-text("Define with virsh")', { timeout: 60_000 });
        await page.click('.monaco-editor .view-lines');
        await page.keyboard.press('F1');
        await page.keyboard.type('Libvirt: Define');
        await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Define from File")', { timeout: 20_000 });
        await page.keyboard.press('Enter');
        await page.waitForTimeout(3000);
        await page.keyboard.press('F1');
        await page.keyboard.type('Notifications: Show Notifications');
        await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Show Notifications")', { timeout: 20_000 });
        await page.keyboard.press('Enter');
        await page.waitForSelector('.notifications-center:has-text("Domain \'e2e-test-driver\' defined.")', { timeout: 30_000 });
        await page.screenshot({ path: join(OUTPUT, 'ui-flow.png') });
      });
      timings['UI flow'] = Date.now() - started;
    } finally {
      await page.close();
      server.stop();
      console.log(`e2e timings (ms): ${JSON.stringify(timings)}`);
    }
  });
});
