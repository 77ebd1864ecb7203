// Network, storage pool and volume documents for rule tables: a definition libvirt accepts, with the parts a case
// changes. The agreement test gives each a fresh <name> (and, for networks, a bridge of its own).

export interface NetworkParts {
  readonly name?: string;
  /** The <forward> line(s); none for an isolated network. */
  readonly forward?: string;
  readonly bridge?: string;
  /** The <ip> element(s). */
  readonly ip?: string;
  readonly extra?: string;
}

export function networkXml(parts: NetworkParts = {}): string {
  const lines = [
    '<network>',
    `  <name>${parts.name ?? 'lint-net'}</name>`,
    parts.forward ?? '',
    parts.bridge ?? "  <bridge name='lvt0'/>",
    parts.extra ?? '',
    parts.ip ??
      "  <ip address='10.231.0.1' prefix='24'>\n    <dhcp>\n      <range start='10.231.0.10' end='10.231.0.99'/>\n    </dhcp>\n  </ip>",
    '</network>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}

/** An <ip> with a DHCP section holding `dhcp`. */
export function ipWithDhcp(dhcp: string, attributes = "address='10.231.0.1' prefix='24'"): string {
  return `  <ip ${attributes}>\n    <dhcp>\n${dhcp}\n    </dhcp>\n  </ip>`;
}

export function poolXml(type: string, inner: string, name = 'lint-pool'): string {
  return `<pool type='${type}'>\n  <name>${name}</name>\n${inner}\n</pool>\n`;
}

export interface VolumeParts {
  readonly name?: string;
  readonly capacity?: string;
  readonly allocation?: string;
  readonly target?: string;
  readonly extra?: string;
}

export function volumeXml(parts: VolumeParts = {}): string {
  const lines = [
    '<volume>',
    `  <name>${parts.name ?? 'lint-vol.img'}</name>`,
    parts.capacity ?? "  <capacity unit='MiB'>1</capacity>",
    parts.allocation ?? "  <allocation unit='MiB'>0</allocation>",
    parts.target ?? '',
    parts.extra ?? '',
    '</volume>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}
