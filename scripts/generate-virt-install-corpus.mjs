// Regenerates test/corpus/virt-install/: the XML virt-install (Debian's virtinst 4.1) writes for a matrix of guests
// (`*.print.xml`), and what a real libvirtd keeps after `virsh define` (`*.dumpxml.xml`, with the addresses,
// controllers and defaults libvirt fills in: the form users edit with `virsh edit`). Nobody here wrote them.
// Needs virt-install and a running libvirtd (scripts/ensure-libvirt.mjs); run as root: node scripts/generate-virt-install-corpus.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../test/corpus/virt-install/', import.meta.url));
const URI = 'qemu:///system';
const disk = '/var/lib/libvirt/images/corpus.img';
mkdirSync('/var/lib/libvirt/images', { recursive: true });
writeFileSync(disk, '');

const common = ['--import', '--noautoconsole', '--disk', `${disk},bus=virtio`, '--network', 'network=default'];
const guests = {
  'win10-defaults': [
    '--osinfo',
    'win10',
    '--memory',
    '8192',
    '--vcpus',
    '4',
    '--import',
    '--noautoconsole',
    '--disk',
    disk,
    '--network',
    'bridge=br0',
  ],
  'win11-uefi': [
    '--osinfo',
    'win11',
    '--memory',
    '8192',
    '--vcpus',
    '8,sockets=1,cores=4,threads=2',
    '--boot',
    'uefi',
    '--import',
    '--noautoconsole',
    '--disk',
    `${disk},bus=sata`,
    '--network',
    'bridge=br0,model=e1000e',
  ],
  'win2k22-server': [
    '--osinfo',
    'win2k22',
    '--memory',
    '16384',
    '--vcpus',
    '8',
    '--cpu',
    'host-passthrough',
    '--import',
    '--noautoconsole',
    '--disk',
    disk,
    '--disk',
    `device=cdrom,bus=sata`,
    '--network',
    'network=default,model=virtio',
  ],
  'fedora37-uefi': ['--osinfo', 'fedora37', '--memory', '4096', '--vcpus', '2', '--boot', 'uefi', ...common],
  'ubuntu2204-balloon': [
    '--osinfo',
    'ubuntu22.04',
    '--memory',
    '4096,currentMemory=2048',
    '--vcpus',
    '4',
    '--rng',
    '/dev/urandom',
    ...common,
  ],
  'debian11-i440fx': [
    '--osinfo',
    'debian11',
    '--machine',
    'pc',
    '--memory',
    '2048',
    '--vcpus',
    '2',
    ...common,
    '--disk',
    'device=cdrom,bus=ide',
  ],
  'rhel9-scsi': [
    '--osinfo',
    'rhel9.0',
    '--memory',
    '4096',
    '--vcpus',
    '4',
    '--controller',
    'type=scsi,model=virtio-scsi',
    '--import',
    '--noautoconsole',
    '--disk',
    `${disk},bus=scsi`,
    '--network',
    'network=default',
  ],
  'centos-stream9-hugepages': [
    '--osinfo',
    'centos-stream9',
    '--memory',
    '4096',
    '--memorybacking',
    'hugepages=on',
    '--vcpus',
    '2',
    ...common,
  ],
  'almalinux9-watchdog': [
    '--osinfo',
    'almalinux9',
    '--memory',
    '2048',
    '--watchdog',
    'i6300esb,action=reset',
    '--memballoon',
    'none',
    ...common,
  ],
  'freebsd13-sata': [
    '--osinfo',
    'freebsd13.1',
    '--memory',
    '2048',
    '--import',
    '--noautoconsole',
    '--disk',
    `${disk},bus=sata`,
    '--network',
    'network=default,model=e1000',
  ],
  'opensuse154-channel': [
    '--osinfo',
    'opensuse15.4',
    '--memory',
    '2048',
    '--channel',
    'unix,target.type=virtio,target.name=org.qemu.guest_agent.0',
    ...common,
  ],
  'archlinux-shmem': [
    '--osinfo',
    'archlinux',
    '--memory',
    '2048',
    '--shmem',
    'name=looking-glass,model.type=ivshmem-plain,size=32,size.unit=M',
    ...common,
  ],
  'alpine-minimal': ['--osinfo', 'alpinelinux3.17', '--memory', '512', '--graphics', 'none', ...common],
  'linux2022-numa': [
    '--osinfo',
    'linux2022',
    '--memory',
    '4096',
    '--vcpus',
    '4',
    '--cpu',
    'host-passthrough,cell0.memory=2097152,cell0.cpus=0-1,cell1.memory=2097152,cell1.cpus=2-3',
    ...common,
  ],
  'aarch64-emulated-uefi': [
    '--arch',
    'aarch64',
    '--machine',
    'virt',
    '--osinfo',
    'fedora37',
    '--memory',
    '2048',
    '--vcpus',
    '2',
    '--boot',
    'uefi',
    ...common,
  ],
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [name, args] of Object.entries(guests)) {
  const vm = `corpus-${name}`;
  const printed = execFileSync('virt-install', ['--connect', URI, '--print-xml', '--name', vm, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  writeFileSync(join(out, `${name}.print.xml`), printed);
  const file = join(out, '.define.xml');
  writeFileSync(file, printed);
  execFileSync('virsh', ['-c', URI, 'define', '--', file], { encoding: 'utf8', timeout: 120_000 });
  try {
    writeFileSync(
      join(out, `${name}.dumpxml.xml`),
      execFileSync('virsh', ['-c', URI, 'dumpxml', '--inactive', '--', vm], { encoding: 'utf8', timeout: 60_000 }),
    );
  } finally {
    execFileSync('virsh', ['-c', URI, 'undefine', '--nvram', '--', vm], { encoding: 'utf8', timeout: 60_000 });
    rmSync(file, { force: true });
  }
  console.log(`${name}: ok`);
}
