// A real remote connection on one machine: an sshd on loopback that the test starts (with its own host and user
// keys, no password), so qemu+ssh:// reaches this machine's libvirtd through ssh and libvirt's virt-ssh-helper,
// exactly as it reaches another host. Needs root and openssh-server (scripts/ensure-libvirt.mjs installs it).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SshLoopback {
  /** qemu+ssh://root@127.0.0.1:PORT/system with the key and no host-key check. */
  readonly uri: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startSshLoopback(): Promise<SshLoopback> {
  const dir = mkdtempSync(join(tmpdir(), 'lint-sshd-'));
  const keygen = (name: string) => spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, name)], { stdio: 'ignore' });
  keygen('hostkey');
  keygen('userkey');
  const port = await freePort();
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'hostkey')}`,
      `AuthorizedKeysFile ${join(dir, 'userkey.pub')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      `PidFile ${join(dir, 'sshd.pid')}`,
      'UsePAM no',
      'StrictModes no',
      '',
    ].join('\n'),
  );
  spawnSync('mkdir', ['-p', '/run/sshd']);
  // -D: stays in the foreground as our child, so it ends with the test process.
  const sshd = spawn('/usr/sbin/sshd', ['-D', '-f', join(dir, 'sshd_config')], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const probe = spawnSync(
      'ssh',
      [
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-i',
        join(dir, 'userkey'),
        '-p',
        String(port),
        'root@127.0.0.1',
        'true',
      ],
      { stdio: 'ignore', timeout: 5000 },
    );
    if (probe.status === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    uri: `qemu+ssh://root@127.0.0.1:${port}/system?keyfile=${join(dir, 'userkey')}&no_verify=1`,
    stop() {
      sshd.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
