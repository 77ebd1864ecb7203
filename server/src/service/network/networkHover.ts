// Hover on a network's addresses: what an <ip> spans (its subnet, first and last host, how many) and how many
// addresses a DHCP range hands out.

import type { Hover } from 'vscode-languageserver-types';
import type { Locale } from '../../l10n/locale';
import { type Message, messages } from '../../l10n/message';
import { paragraphs } from '../schema/schemaHover';
import { attributeValue, type XmlElement } from '../xml/xmlTree';
import { addressBits, formatIp, type IpAddress, maskOf, parseIp } from './ipAddress';
import { buildNetworkModel, type NetworkIp } from './networkModel';

const M = messages('network-hover', {
  subnet: '**Subnet {network}/{prefix}**',
  hostsAndBroadcast: 'Hosts {first} – {last} ({count} addresses); broadcast {broadcast}',
  span: '{first} – {last} ({count} addresses)',
  gateway: "The host (the guests' gateway) is {address}.",
  dhcpRange: '**DHCP range** of {count} addresses, {start} – {end}',
});

/** The hover of an <ip> or a DHCP <range>, in `locale`. */
export function networkHover(element: XmlElement, range: Hover['range'], locale: Locale = 'en'): Hover | null {
  const ipElement = element.name === 'ip' ? element : element.name === 'range' ? element.parent?.parent : undefined;
  if (ipElement?.name !== 'ip' || !ipElement.parent) return null;
  const network = buildNetworkModel(ipElement.parent);
  const ip = network?.ips.find((candidate) => candidate.element === ipElement);
  if (!ip?.parsed || ip.prefixLength === undefined) return null;
  const lines = element.name === 'ip' ? subnetLines(ip) : rangeLines(element);
  return lines.length ? { contents: { kind: 'markdown', value: paragraphs(lines, locale) }, range } : null;
}

function subnetLines(ip: NetworkIp): Message[] {
  const address = ip.parsed!;
  const prefix = ip.prefixLength!;
  const family = address.family;
  const network = address.value & maskOf(prefix, family);
  const size = 1n << BigInt(addressBits(family) - prefix);
  const at = (value: bigint): string => formatIp({ family, value });
  const lines = [M.subnet({ network: at(network), prefix })];
  if (family === 'ipv4' && prefix <= 30) {
    lines.push(
      M.hostsAndBroadcast({
        first: at(network + 1n),
        last: at(network + size - 2n),
        count: String(size - 2n),
        broadcast: at(network + size - 1n),
      }),
    );
  } else lines.push(M.span({ first: at(network), last: at(network + size - 1n), count: String(size) }));
  lines.push(M.gateway({ address: formatIp(address) }));
  return lines;
}

function rangeLines(range: XmlElement): Message[] {
  const start = parseIp(attributeValue(range, 'start') ?? '');
  const end = parseIp(attributeValue(range, 'end') ?? '');
  if (!start || !end || start.family !== end.family || end.value < start.value) return [];
  const count = (a: IpAddress, b: IpAddress) => b.value - a.value + 1n;
  return [M.dhcpRange({ count: String(count(start, end)), start: formatIp(start), end: formatIp(end) })];
}
