// Fetches libvirt 9.0.0's test domains (Debian's source package) into .cache/libvirt-9.0.0/ for `npm run bench`:
// the ~1,270 domains libvirt's own tests accept, to time the CLI on them and count false errors.
// Needs Debian's package archive (apt-get source); as root it adds the deb-src entry it needs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, '.cache');
const target = join(cache, 'libvirt-9.0.0');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', timeout: 600_000 });
  if (result.status !== 0) {
    console.error(`fetch-libvirt-corpus: ${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

if (existsSync(join(target, 'tests', 'qemuxml2argvtest.c'))) {
  console.log(`fetch-libvirt-corpus: already in ${target}`);
  process.exit(0);
}
mkdirSync(cache, { recursive: true });
if (process.getuid?.() === 0 && !existsSync('/etc/apt/sources.list.d/libvirt-lint-src.sources')) {
  writeFileSync(
    '/etc/apt/sources.list.d/libvirt-lint-src.sources',
    'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
  );
  run('apt-get', ['update', '-qq']);
}
const work = join(cache, 'download');
mkdirSync(work, { recursive: true });
run('apt-get', ['source', '--download-only', '-qq', 'libvirt=9.0.0-4+deb12u2'], work);
const tarball = readdirSync(work).find((name) => /^libvirt_9\.0\.0\.orig\.tar\.xz$/.test(name));
if (!tarball) {
  console.error('fetch-libvirt-corpus: the download has no libvirt_9.0.0.orig.tar.xz');
  process.exit(1);
}
run('tar', [
  '-xJf',
  join(work, tarball),
  '-C',
  cache,
  'libvirt-9.0.0/tests/qemuxml2argvdata',
  'libvirt-9.0.0/tests/qemuxml2xmloutdata',
  'libvirt-9.0.0/tests/qemuxml2argvtest.c',
  'libvirt-9.0.0/COPYING.LESSER',
]);
console.log(`fetch-libvirt-corpus: libvirt's test domains are in ${target}/tests`);
