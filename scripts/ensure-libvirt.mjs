// Makes sure the tests' real libvirt is there: virsh, virt-xml-validate, xmllint, a libvirtd with the QEMU driver
// and the emulators/firmware the rule tables define domains for. As root (CI, these machines) it installs what is
// missing with apt-get and starts libvirtd; otherwise it says exactly what to install and start, and fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';

const PACKAGES = {
  '/usr/bin/virsh': 'libvirt-clients',
  '/usr/bin/virt-xml-validate': 'libvirt-clients',
  '/usr/bin/xmllint': 'libxml2-utils',
  '/usr/sbin/libvirtd': 'libvirt-daemon',
  '/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so': 'libvirt-daemon-driver-qemu',
  '/usr/bin/qemu-system-x86_64': 'qemu-system-x86',
  '/usr/bin/qemu-system-aarch64': 'qemu-system-arm',
  '/usr/share/AAVMF/AAVMF_CODE.fd': 'qemu-efi-aarch64',
  '/usr/share/OVMF/OVMF_CODE.fd': 'ovmf',
  '/usr/bin/swtpm': 'swtpm',
  '/usr/bin/swtpm_setup': 'swtpm-tools',
  // The remote-connection tests reach this machine's libvirtd over qemu+ssh:// through an sshd on loopback.
  '/usr/sbin/sshd': 'openssh-server',
  '/usr/bin/ssh': 'openssh-client',
  // Live networks start with firewall rules and dnsmasq; qcow2 volumes are created by qemu-img.
  '/usr/sbin/iptables': 'iptables',
  '/usr/bin/qemu-img': 'qemu-utils',
  '/usr/sbin/dnsmasq': 'dnsmasq-base',
  // The README's Neovim recipe runs in a real (headless) Neovim.
  '/usr/bin/nvim': 'neovim',
};
const URI = process.env.LIBVIRT_TEST_URI ?? 'qemu:///system';
const isRoot = process.getuid?.() === 0;
/** The names test/support/virsh.ts gives test domains: lint-test-<owner pid>-<what>-<n>. */
const TEST_DOMAIN = /^lint-test-(\d+)-/;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 900_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

function fail(message) {
  console.error(`ensure-libvirt: ${message}`);
  process.exit(1);
}

const missing = [
  ...new Set(
    Object.entries(PACKAGES)
      .filter(([path]) => !existsSync(path))
      .map(([, pkg]) => pkg),
  ),
];
if (missing.length > 0) {
  if (!isRoot)
    fail(
      `the tests need these Debian packages: ${missing.join(' ')}\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  console.log(`ensure-libvirt: installing ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** `virsh version` answers within `seconds` (a cold libvirtd probes QEMU first: seconds, not minutes). */
function reachable(seconds = 30) {
  return spawnSync('virsh', ['-c', URI, 'version'], { stdio: 'ignore', timeout: seconds * 1000 }).status === 0;
}

/** A libvirtd process of this machine, running already (started by an earlier run, systemd or by hand). */
function libvirtdRunning() {
  return spawnSync('pgrep', ['-x', 'libvirtd'], { stdio: 'ignore' }).status === 0;
}

function sleep(seconds) {
  execFileSync('sleep', [String(seconds)]);
}

if (isRoot && URI === 'qemu:///system') {
  // Debian's container default for /dev/kvm is 0600 root:root: QEMU (as libvirt-qemu, group kvm) cannot open it,
  // and libvirtd then probes QEMU again on every call ("KVM was enabled when probing … but it is not available
  // now"), so each define or even `virsh version` takes 30–50 s. Group kvm, mode 0660 is what udev sets on a host.
  if (spawnSync('getent', ['group', 'kvm']).status !== 0) run('groupadd', ['-r', 'kvm']);
  if (existsSync('/dev/kvm')) {
    run('chgrp', ['kvm', '/dev/kvm']);
    run('chmod', ['0660', '/dev/kvm']);
  }
}

if (!reachable()) {
  if (URI !== 'qemu:///system') fail(`cannot connect to ${URI}`);
  if (libvirtdRunning()) {
    // Running but slow (probing QEMU, or busy): a second `libvirtd -d` would fail on its pidfile. Wait for this one.
    console.log('ensure-libvirt: libvirtd is running but slow to answer; waiting for it');
    const deadline = Date.now() + 300_000;
    while (!reachable(60)) {
      if (Date.now() > deadline) fail('libvirtd is running but has not answered on qemu:///system for 5 minutes');
      if (!libvirtdRunning()) break;
      sleep(1);
    }
  }
  if (!reachable()) {
    if (!isRoot) fail('libvirtd is not running: start it (sudo systemctl start libvirtd, or sudo libvirtd -d).');
    // Without systemd (containers, CI): the accounts and folders the QEMU driver expects, then the daemon itself.
    if (spawnSync('getent', ['group', 'kvm']).status !== 0) run('groupadd', ['-r', 'kvm']);
    if (spawnSync('getent', ['group', 'libvirt-qemu']).status !== 0) run('groupadd', ['-r', 'libvirt-qemu']);
    if (spawnSync('id', ['libvirt-qemu'], { stdio: 'ignore' }).status !== 0)
      run('useradd', ['-r', '-g', 'kvm', '-s', '/usr/sbin/nologin', 'libvirt-qemu']);
    for (const dir of ['/var/log/libvirt', '/run/libvirt']) mkdirSync(dir, { recursive: true });
    run('libvirtd', ['-d']);
    const deadline = Date.now() + 120_000;
    while (!reachable()) {
      if (Date.now() > deadline) fail('libvirtd started but does not answer on qemu:///system');
      sleep(0.2);
    }
  }
}
ensureVirtlogd();
sweepStaleTestDomains();
console.log(`ensure-libvirt: libvirt is ready at ${URI}`);

/**
 * Test domains, networks and pools are named lint-test-PID-… by test/support/virsh.ts. A run that was killed leaves
 * them defined; at the start of the next run, those whose owner process is gone are undefined. Nothing else is touched.
 */
function sweepStaleTestDomains() {
  const kinds = [
    { list: ['list', '--all', '--name'], stop: 'destroy', undefine: ['undefine', '--nvram', '--domain'], what: 'domain' },
    { list: ['net-list', '--all', '--name'], stop: 'net-destroy', undefine: ['net-undefine', '--network'], what: 'network' },
    { list: ['pool-list', '--all', '--name'], stop: 'pool-destroy', undefine: ['pool-undefine', '--pool'], what: 'pool' },
  ];
  for (const kind of kinds) {
    const listed = spawnSync('virsh', ['-c', URI, ...kind.list], { encoding: 'utf8', timeout: 60_000 });
    if (listed.status !== 0) continue;
    for (const name of listed.stdout.split('\n')) {
      const owner = TEST_DOMAIN.exec(name)?.[1];
      if (!owner || processAlive(Number(owner))) continue;
      spawnSync('virsh', ['-c', URI, kind.stop, name], { stdio: 'ignore', timeout: 60_000 });
      const undefinition = spawnSync('virsh', ['-c', URI, ...kind.undefine, name], { stdio: 'ignore', timeout: 60_000 });
      console.log(
        `ensure-libvirt: ${undefinition.status === 0 ? 'undefined' : 'could not undefine'} ${kind.what} ${name}, left by a test run that is gone`,
      );
    }
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Starting a guest needs virtlogd (systemd socket-activates it; without systemd it is started here). */
function ensureVirtlogd() {
  // A socket file can outlive a killed virtlogd: ask for the process.
  if (!isRoot || URI !== 'qemu:///system' || spawnSync('pgrep', ['-x', 'virtlogd'], { stdio: 'ignore' }).status === 0) return;
  rmSync('/run/libvirt/virtlogd-sock', { force: true });
  spawnSync('virtlogd', ['-d'], { stdio: 'ignore', timeout: 30_000 });
  const deadline = Date.now() + 10_000;
  while (!existsSync('/run/libvirt/virtlogd-sock') && Date.now() < deadline) sleep(0.1);
}
