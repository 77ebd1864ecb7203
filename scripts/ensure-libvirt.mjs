// Makes sure the tests' real libvirt is there: virsh, virt-xml-validate, xmllint, a libvirtd with the QEMU driver
// and the emulators/firmware the rule tables define domains for. As root (CI, these machines) it installs what is
// missing with apt-get and starts libvirtd; otherwise it says exactly what to install and start, and fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

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
};
const URI = process.env.LIBVIRT_TEST_URI ?? 'qemu:///system';
const isRoot = process.getuid?.() === 0;

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

function reachable() {
  return spawnSync('virsh', ['-c', URI, 'version'], { stdio: 'ignore', timeout: 30_000 }).status === 0;
}

if (!reachable()) {
  if (URI !== 'qemu:///system') fail(`cannot connect to ${URI}`);
  if (!isRoot) fail('libvirtd is not running: start it (sudo systemctl start libvirtd, or sudo libvirtd -d).');
  // Without systemd (containers, CI): the accounts and folders the QEMU driver expects, then the daemon itself.
  if (spawnSync('getent', ['group', 'kvm']).status !== 0) run('groupadd', ['-r', 'kvm']);
  if (spawnSync('getent', ['group', 'libvirt-qemu']).status !== 0) run('groupadd', ['-r', 'libvirt-qemu']);
  if (spawnSync('id', ['libvirt-qemu'], { stdio: 'ignore' }).status !== 0)
    run('useradd', ['-r', '-g', 'kvm', '-s', '/usr/sbin/nologin', 'libvirt-qemu']);
  for (const dir of ['/var/log/libvirt', '/run/libvirt']) mkdirSync(dir, { recursive: true });
  run('libvirtd', ['-d']);
  const deadline = Date.now() + 30_000;
  while (!reachable()) {
    if (Date.now() > deadline) fail('libvirtd started but does not answer on qemu:///system');
    execFileSync('sleep', ['0.2']);
  }
}
console.log(`ensure-libvirt: libvirt is ready at ${URI}`);
