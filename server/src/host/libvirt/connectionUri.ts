// What a libvirt connection URI says about where the host is.

/**
 * Whether the URI names this machine: empty (virsh's default, normally local), qemu:///system, qemu:///session,
 * test:///…, qemu+unix:///…; a host part (qemu+ssh://gpu-box/system, qemu+tcp://10.0.0.2/system) is remote, even
 * localhost, since it is reached like any other host.
 */
export function isLocalUri(uri: string): boolean {
  if (uri.trim() === '') return true;
  const match = /^([a-z0-9+.-]+):\/\/([^/?#]*)/i.exec(uri.trim());
  if (!match) return true;
  const transport = match[1]!.split('+')[1];
  return match[2] === '' && (transport === undefined || transport === 'unix');
}

/** libvirt's test driver (test:///default, test:///path/to/host.xml): a mock hypervisor whose capabilities describe
 *  no machine (an i686 "test" host), so it gives no host facts. */
export function isTestDriverUri(uri: string): boolean {
  return /^test(\+[a-z]+)?:\/\//i.test(uri.trim());
}
