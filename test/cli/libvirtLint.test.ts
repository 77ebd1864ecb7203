// libvirt-lint as users and CI run it: the bundled program in a child process.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { builtProgram, REPO_ROOT } from '../support/built';
import { standInVirsh } from '../support/recordedHosts';

function lint(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const result = spawnSync(process.execPath, [builtProgram('cli'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input: options.input,
    timeout: 30_000,
    // English unless a test asks for another language: the shell's locale does not leak in.
    env: {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      LC_ALL: undefined,
      LC_MESSAGES: undefined,
      LANG: undefined,
      ...options.env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const GPU = 'test/fixtures/win10-gpu-passthrough.xml';
const CLEAN = 'test/fixtures/linux-q35-clean.xml';
const NOT_A_DOMAIN = 'test/fixtures/network-default.xml';

describe('libvirt-lint', () => {
  it('prints stylish output grouped by file, with rule ids and a summary, and exits 1 on errors', () => {
    const { status, stdout } = lint([GPU]);
    assert.equal(status, 1);
    const lines = stdout.split('\n');
    assert.equal(lines[1], GPU);
    assert.ok(
      lines.some((line) =>
        /^ {2}41:60 {2}error {4}PCI address 0000:01:00\.0 is also used by hostdev 0000:27:00\.0: libvirt refuses the domain \("Attempted double use of PCI Address 0000:01:00\.0"\)\. {2}pci-address-conflict$/.test(
          line,
        ),
      ),
      stdout,
    );
    assert.match(stdout, /✖ 8 problems \(2 errors, 4 warnings, 2 info\)\n$/);
    assert.doesNotMatch(stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
  });

  it('colours stylish output when FORCE_COLOR is set', () => {
    assert.match(lint([GPU], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[31merror/);
  });

  it('prints exactly the documented JSON shape with 1-based positions', () => {
    const { status, stdout } = lint(['--format', 'json', GPU, CLEAN]);
    assert.equal(status, 1);
    const results = JSON.parse(stdout);
    assert.deepEqual(
      results.map((r: { file: string }) => r.file),
      [GPU, CLEAN],
    );
    assert.deepEqual(results[1].diagnostics, []);
    const conflict = results[0].diagnostics.find((d: { code: string }) => d.code === 'pci-address-conflict');
    assert.deepEqual(conflict, {
      line: 41,
      column: 60,
      endLine: 41,
      endColumn: 64,
      severity: 'error',
      code: 'pci-address-conflict',
      message:
        'PCI address 0000:01:00.0 is also used by hostdev 0000:27:00.0: libvirt refuses the domain ("Attempted double use of PCI Address 0000:01:00.0").',
    });
    for (const d of results[0].diagnostics)
      assert.deepEqual(Object.keys(d), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('exits 0 and prints nothing for a clean domain', () => {
    assert.deepEqual(lint([CLEAN]), { status: 0, stdout: '', stderr: '' });
  });

  it('lints networks, pools and volumes too, and gives a document of no libvirt kind nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-kinds-'));
    try {
      const project = join(dir, 'project.xml');
      writeFileSync(project, '<project><name>x</name><bogus/></project>\n');
      const clean = lint(['--format=json', NOT_A_DOMAIN, project]);
      assert.equal(clean.status, 0);
      assert.deepEqual(JSON.parse(clean.stdout), [
        { file: NOT_A_DOMAIN, diagnostics: [] },
        { file: project, diagnostics: [] },
      ]);
      const network = join(dir, 'lab.xml');
      writeFileSync(
        network,
        "<network>\n  <name>lab</name>\n  <ip address='10.77.0.1' prefix='24'>\n    <dhcp>\n      <range start='10.77.1.100' end='10.77.1.200'/>\n    </dhcp>\n  </ip>\n</network>\n",
      );
      const { status, stdout } = lint([network]);
      assert.equal(status, 1);
      assert.match(
        stdout,
        /5:8 {2}error {2}.*range 10\.77\.1\.100 - 10\.77\.1\.200 is not entirely within network 10\.77\.0\.1\/24.*network-dhcp-range-outside-subnet/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks the domains it lints against the networks among the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-workspace-'));
    try {
      const network = join(dir, 'lab.xml');
      writeFileSync(network, "<network>\n  <name>lab-net</name>\n  <ip address='10.77.0.1' prefix='24'/>\n</network>\n");
      const domain = join(dir, 'vm.xml');
      writeFileSync(
        domain,
        readFileSync(join(REPO_ROOT, CLEAN), 'utf8').replace("<source network='default'/>", "<source network='lab-nte'/>"),
      );
      const alone = JSON.parse(lint(['--format=json', domain]).stdout)[0].diagnostics.map((d: { code: string }) => d.code);
      assert.ok(!alone.includes('source-not-in-workspace'));
      const together = JSON.parse(lint(['--format=json', network, domain]).stdout)[1].diagnostics;
      assert.deepEqual(
        together.filter((d: { code: string }) => d.code === 'source-not-in-workspace').map((d: { message: string }) => d.message),
        ["No network 'lab-nte' in the workspace: did you mean 'lab-net' (lab.xml)?"],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lints many files on several threads with the same results, in the order given, across documents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-threads-'));
    try {
      // A network last and the domains that use it before it: on two threads they are in different shares.
      const files: string[] = [];
      const clean = readFileSync(join(REPO_ROOT, CLEAN), 'utf8');
      for (let i = 0; i < 40; i++) {
        const file = join(dir, `vm-${i}.xml`);
        writeFileSync(
          file,
          i % 2 ? readFileSync(join(REPO_ROOT, GPU), 'utf8') : clean.replace("<source network='default'/>", "<source network='lab-nte'/>"),
        );
        files.push(file);
      }
      const network = join(dir, 'lab.xml');
      writeFileSync(network, "<network>\n  <name>lab-net</name>\n  <ip address='10.77.0.1' prefix='24'/>\n</network>\n");
      files.push(network);
      const one = lint(['--format=json', '--jobs', '1', ...files]);
      const two = lint(['--format=json', '--jobs', '2', ...files]);
      assert.equal(two.status, one.status);
      assert.equal(two.stdout, one.stdout);
      const results = JSON.parse(two.stdout) as Array<{ file: string; diagnostics: Array<{ code: string }> }>;
      assert.deepEqual(
        results.map((r) => r.file),
        files,
      );
      assert.ok(
        results[0]!.diagnostics.some((d) => d.code === 'source-not-in-workspace'),
        'the network reached the other thread',
      );
      assert.ok(results[1]!.diagnostics.some((d) => d.code === 'pci-address-conflict'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts from a V8 code cache it writes on the first run, and runs the same without one or with a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-cache-'));
    try {
      const env = { LIBVIRT_XML_COMPILE_CACHE: dir };
      const first = lint(['--format=json', GPU], { env });
      const written = readdirSync(dir);
      assert.equal(written.length, 1, written.join(' '));
      assert.match(written[0]!, /^cli\.main\.js-\d+-\d+-v\d+\.\d+\.\d+-\w+\.v8cache$/);
      const cached = lint(['--format=json', GPU], { env });
      assert.deepEqual(cached, first);
      writeFileSync(join(dir, written[0]!), 'not a code cache');
      assert.deepEqual(lint(['--format=json', GPU], { env }), first);
      assert.ok(readFileSync(join(dir, written[0]!)).length > 10_000, 'the broken cache is replaced');
      const off = lint(['--format=json', GPU], { env: { LIBVIRT_XML_COMPILE_CACHE: 'off' } });
      assert.deepEqual(off, first);
      // A new bundle's first run removes the caches of earlier bundles for this node, and only those.
      const runtime = written[0]!.slice(written[0]!.indexOf('-v'));
      const stale = `cli.main.js-1-1${runtime}`;
      const otherNode = 'cli.main.js-1-1-v0.0.1-x64.v8cache';
      rmSync(join(dir, written[0]!));
      for (const name of [stale, otherNode, `server.main.js-1-1${runtime}`]) writeFileSync(join(dir, name), 'old');
      assert.deepEqual(lint(['--format=json', GPU], { env }), first);
      assert.deepEqual(readdirSync(dir).sort(), [otherNode, written[0]!, `server.main.js-1-1${runtime}`].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops quietly when its reader goes away (libvirt-lint … | head)', async () => {
    const child = spawn(process.execPath, [builtProgram('cli'), '--format', 'json', ...Array(400).fill(GPU)], { cwd: REPO_ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Read nothing and close our end at once: every write of the CLI meets a closed pipe.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(status, 1, 'the exit status of the lint (errors found), not an internal error');
  });

  it('exits 2 for an unreadable file, says why on stderr, and still lints the others', () => {
    const { status, stdout, stderr } = lint(['--format', 'json', 'no/such/file.xml', GPU]);
    assert.equal(status, 2);
    assert.equal(stderr, "libvirt-lint: cannot read 'no/such/file.xml': no such file\n");
    assert.equal(JSON.parse(stdout)[0].file, GPU);
  });

  it('exits 2 with usage for bad options, unknown rules and no files', () => {
    for (const args of [
      ['--format', 'xml', GPU],
      ['--rule', 'no-such-rule=off', GPU],
      ['--rule', 'nic-not-virtio=loud', GPU],
      ['--bogus', GPU],
      ['--jobs', '0', GPU],
      ['--jobs', 'many', GPU],
      [],
    ]) {
      const { status, stderr } = lint(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /^libvirt-lint: .+\n\nUsage: libvirt-lint/);
    }
  });

  it('turns rules off or changes their severity with --rule', () => {
    const off = lint(['--format=json', '--rule', 'pci-address-conflict=off', GPU]);
    assert.equal(off.status, 0);
    assert.ok(!off.stdout.includes('pci-address-conflict'));
    const raised = JSON.parse(lint(['--format=json', '--rule=pci-address-conflict=off', '--rule', 'nic-not-virtio=error', GPU]).stdout);
    assert.equal(raised[0].diagnostics.find((d: { code: string }) => d.code === 'nic-not-virtio').severity, 'error');
  });

  it('checks KVM against --host-arch', () => {
    const { status, stdout } = lint(['--host-arch', 'aarch64', CLEAN]);
    assert.equal(status, 1);
    assert.match(stdout, /KVM on this aarch64 host cannot run x86_64 guests/);
  });

  it("reads standard input for '-'", () => {
    const { status, stdout } = lint(['--format=json', '-'], {
      input:
        "<domain type='kvm'><name>stdin</name><memory>65536</memory><os><type>hvm</type></os><vendor/><devices><disk type='block'><target dev='vda' bus='virtio'/></disk></devices></domain>",
    });
    assert.equal(status, 1);
    assert.deepEqual(
      JSON.parse(stdout)[0].diagnostics.map((d: { code: string }) => d.code),
      ['schema', 'disk-source-mismatch'],
      '<vendor/> is unknown at the top level',
    );
  });

  it('treats names after -- as files, even with a leading dash', () => {
    const { status, stderr } = lint(['--', '--not-an-option.xml']);
    assert.equal(status, 2);
    assert.match(stderr, /cannot read '--not-an-option.xml'/);
  });

  it('lists every rule with --list-rules', () => {
    const { status, stdout } = lint(['--list-rules']);
    assert.equal(status, 0);
    assert.match(stdout, /^xml-syntax +error +/m);
    assert.match(stdout, /^nic-not-virtio +info +/m);
  });

  it('runs as npx libvirt-lint from the repository root', () => {
    const result = spawnSync('npx', ['--no-install', 'libvirt-lint', '--format', 'json', GPU], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout)[0].file, GPU);
  });
});

describe('libvirt-lint in Simplified Chinese', () => {
  const CHINESE = /[\u4e00-\u9fff]/;
  const SUMMARY_ZH = '✖ 8 个问题（2 个错误，4 个警告，2 条信息）';
  const SUMMARY_EN = '✖ 8 problems (2 errors, 4 warnings, 2 info)';
  const summaryOf = (stdout: string) => stdout.trimEnd().split('\n').at(-1);
  type JsonDiagnostic = {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
  };
  const diagnosticsOf = (stdout: string) => (JSON.parse(stdout) as Array<{ diagnostics: JsonDiagnostic[] }>)[0]!.diagnostics;

  it('prints the problems, their severities and the summary in Chinese with --locale zh-cn, the rule ids as they are', () => {
    const { status, stdout } = lint(['--locale', 'zh-cn', GPU]);
    assert.equal(status, 1);
    const lines = stdout.split('\n');
    assert.equal(lines[1], GPU);
    // libvirt's own message stays verbatim inside the Chinese one.
    assert.ok(
      lines.some((line) =>
        /^ {2}41:60 {2}错误 {2}\S.*"Attempted double use of PCI Address 0000:01:00\.0".* {2}pci-address-conflict$/.test(line),
      ),
      stdout,
    );
    for (const row of lines.filter((line) => /^ {2}\d+:\d+ /.test(line)))
      assert.match(row, / {2}(错误|警告|信息|提示) {2}.*[\u4e00-\u9fff]/, row);
    assert.equal(summaryOf(stdout), SUMMARY_ZH);
  });

  it('gives the same codes, severities and positions in JSON as in English, with the messages in Chinese', () => {
    const english = diagnosticsOf(lint(['--format', 'json', GPU]).stdout);
    const chinese = diagnosticsOf(lint(['--format', 'json', '--locale=zh-cn', GPU]).stdout);
    const withoutMessage = (diagnostics: JsonDiagnostic[]) => diagnostics.map(({ message: _, ...rest }) => rest);
    assert.deepEqual(withoutMessage(chinese), withoutMessage(english));
    assert.ok(english.length >= 8);
    for (const d of chinese) assert.match(d.message, CHINESE, `${d.code}: ${d.message}`);
    const conflict = chinese.find((d) => d.code === 'pci-address-conflict')!;
    assert.ok(conflict.message.includes('"Attempted double use of PCI Address 0000:01:00.0"'), conflict.message);
  });

  it('takes the language from LC_ALL, then LC_MESSAGES, then LANG without --locale, and --locale over them', () => {
    const summary = (env: Record<string, string>, args: string[] = []) => summaryOf(lint([...args, GPU], { env }).stdout);
    assert.equal(summary({ LANG: 'zh_CN.UTF-8' }), SUMMARY_ZH);
    assert.equal(summary({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), SUMMARY_ZH);
    assert.equal(summary({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), SUMMARY_ZH);
    assert.equal(summary({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), SUMMARY_EN);
    assert.equal(summary({ LANG: 'zh_TW.UTF-8' }), SUMMARY_EN, 'Traditional Chinese has no catalogue: English');
    assert.equal(summary({ LANG: 'zh_CN.UTF-8' }, ['--locale', 'en']), SUMMARY_EN);
    assert.equal(summary({ LANG: 'en_US.UTF-8' }, ['--locale', 'zh-CN']), SUMMARY_ZH);
  });

  it('says bad usage, with the usage, in the language of a --locale given anywhere on the line or of the environment', () => {
    const late = lint(['--format', 'xml', '--locale', 'zh-cn', GPU]);
    assert.equal(late.status, 2);
    assert.match(
      late.stderr,
      /^libvirt-lint: --format 只能是 'stylish' 或 'json'，而不是 'xml'。\n\n用法：libvirt-lint \[选项\] FILE\.\.\.\n/,
    );
    const fromEnvironment = lint(['--bogus', GPU], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(fromEnvironment.status, 2);
    assert.match(fromEnvironment.stderr, /^libvirt-lint: 未知选项 '--bogus'。\n\n用法：/);
    assert.match(lint(['--locale', 'zh-cn']).stderr, /^libvirt-lint: 没有给出文件。\n/);
    assert.match(
      lint(['--locale', 'zh-cn', '--rule', 'no-such-rule=off', GPU]).stderr,
      /^libvirt-lint: 未知规则 'no-such-rule'（见 --list-rules）。\n/,
    );
  });

  it('prints its help in Chinese with every option of the English help', () => {
    const chinese = lint(['--help', '--locale', 'zh-cn']);
    const english = lint(['--help']);
    assert.equal(chinese.status, 0);
    assert.match(chinese.stdout, /^用法：libvirt-lint/);
    const options = (text: string) => [...new Set(text.match(/(?<![\w-])--?[a-z][\w-]*/g))].sort();
    assert.deepEqual(options(chinese.stdout), options(english.stdout));
  });

  it('says in Chinese which file it cannot read, and why', () => {
    const { status, stdout, stderr } = lint(['--format', 'json', '--locale', 'zh-cn', 'no/such/file.xml', GPU]);
    assert.equal(status, 2);
    assert.equal(stderr, "libvirt-lint: 无法读取 'no/such/file.xml'：文件不存在\n");
    assert.equal(JSON.parse(stdout)[0].file, GPU);
  });

  it('lists the rules with their titles in Chinese, and their ids and severities as --rule takes them', () => {
    const { status, stdout } = lint(['--list-rules', '--locale', 'zh-cn']);
    assert.equal(status, 0);
    assert.match(stdout, /^pci-address-conflict +error +\S*[\u4e00-\u9fff]/m);
    assert.match(stdout, /^nic-not-virtio +info +/m);
  });
});

describe('libvirt-lint --connect', () => {
  const withVirsh = (host: 'gpu-desktop' | 'fails') => ({ PATH: `${dirname(standInVirsh(host))}:${process.env.PATH}` });
  const codes = (stdout: string) =>
    (JSON.parse(stdout) as Array<{ diagnostics: Array<{ code: string }> }>)[0]!.diagnostics.map((d) => d.code);

  it("checks against the connection's host, through the virsh on PATH", () => {
    const { status, stdout, stderr } = lint(['--connect', 'qemu+ssh://root@gpu-box/system', '--format', 'json', GPU], {
      env: withVirsh('gpu-desktop'),
    });
    assert.equal(stderr, '');
    assert.equal(status, 1);
    assert.ok(codes(stdout).includes('iommu-group-incomplete'), stdout);
    const without = lint(['--format', 'json', GPU], { env: withVirsh('gpu-desktop') });
    assert.ok(!codes(without.stdout).includes('iommu-group-incomplete'), 'host-free without --connect');
  });

  it("asks the host's domain capabilities for each file (a TPM model this QEMU lacks) and looks at local paths", () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-cli-connect-'));
    const file = join(dir, 'tpm.xml');
    writeFileSync(
      file,
      `<domain type='qemu'><name>t</name><memory unit='MiB'>64</memory><os><type arch='x86_64' machine='q35'>hvm</type></os><devices><tpm model='tpm-spapr'><backend type='emulator' version='2.0'/></tpm><disk type='block' device='disk'><source dev='/dev/lint-no-such-disk'/><target dev='vda' bus='virtio'/></disk></devices></domain>`,
    );
    const remote = lint(['--connect', 'qemu+ssh://root@gpu-box/system', '--format', 'json', file], { env: withVirsh('gpu-desktop') });
    assert.deepEqual(codes(remote.stdout), ['host-unsupported-value'], remote.stdout);
    // A local URI: this machine's paths are looked at (the recorded host answers for libvirt).
    const local = lint(['--connect', 'qemu:///system', '--format', 'json', file], { env: withVirsh('gpu-desktop') });
    assert.deepEqual(codes(local.stdout).sort(), ['host-unsupported-value', 'source-not-on-host'], local.stdout);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says once when the host cannot be asked, and lints without the host rules', () => {
    const { stdout, stderr } = lint(['-c', 'qemu+ssh://root@gpu-box/system', '--format', 'json', GPU], { env: withVirsh('fails') });
    assert.match(
      stderr,
      /^libvirt-lint: host facts for qemu\+ssh:\/\/root@gpu-box\/system unavailable \(host rules skipped\): failed to connect/,
    );
    assert.equal(stderr.trim().split('\n').length, 2, "one message (libvirt's two lines)");
    assert.ok(!codes(stdout).includes('iommu-group-incomplete'));
    const chinese = lint(['-c', 'qemu+ssh://root@gpu-box/system', '--locale', 'zh-cn', '--format', 'json', GPU], {
      env: withVirsh('fails'),
    });
    assert.match(
      chinese.stderr,
      /^libvirt-lint: 无法获取 qemu\+ssh:\/\/root@gpu-box\/system 的宿主机信息（已跳过宿主机规则）：failed to connect to the hypervisor\n/,
      "libvirt's own message stays as libvirt says it",
    );
  });

  it('says in Chinese when virsh is missing', () => {
    const { stderr } = lint(['-c', 'qemu:///system', '--locale', 'zh-cn', '--format', 'json', GPU], { env: { PATH: '/nonexistent' } });
    assert.match(stderr, /^libvirt-lint: 无法获取 qemu:\/\/\/system 的宿主机信息（已跳过宿主机规则）：找不到 virsh。/);
  });

  it('needs a URI', () => {
    assert.equal(lint(['--connect', '', GPU]).status, 2);
  });
});
