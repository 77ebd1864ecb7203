// Hover on a network's addresses: what an <ip> spans (its subnet, first and last host, how many) and how many
// addresses a DHCP range hands out.

import type { Hover } from 'vscode-languageserver-types';
import { attributeValue, type XmlElement } from '../xml/xmlTree';
import { addressBits, formatIp, type IpAddress, maskOf, parseIp } from './ipAddress';
import { buildNetworkModel, type NetworkIp } from './networkModel';

export function networkHover(element: XmlElement, range: Hover['range']): Hover | null {
  const ipElement = element.name === 'ip' ? element : element.name === 'range' ? element.parent?.parent : undefined;
  if (ipElement?.name !== 'ip' || !ipElement.parent) return null;
  const network = buildNetworkModel(ipElement.parent);
  const ip = network?.ips.find((candidate) => candidate.element === ipElement);
  if (!ip?.parsed || ip.prefixLength === undefined) return null;
  const lines = element.name === 'ip' ? subnetLines(ip) : rangeLines(element);
  return lines.length ? { contents: { kind: 'markdown', value: lines.join('\n\n') }, range } : null;
}

function subnetLines(ip: NetworkIp): string[] {
  const address = ip.parsed!;
  const prefix = ip.prefixLength!;
  const family = address.family;
  const network = address.value & maskOf(prefix, family);
  const size = 1n << BigInt(addressBits(family) - prefix);
  const at = (value: bigint): string => formatIp({ family, value });
  const lines = [`**Subnet ${at(network)}/${prefix}**`];
  if (family === 'ipv4' && prefix <= 30) {
    lines.push(`Hosts ${at(network + 1n)} – ${at(network + size - 2n)} (${size - 2n} addresses); broadcast ${at(network + size - 1n)}`);
  } else lines.push(`${at(network)} – ${at(network + size - 1n)} (${size} addresses)`);
  lines.push(`The host (the guests' gateway) is ${formatIp(address)}.`);
  return lines;
}

function rangeLines(range: XmlElement): string[] {
  const start = parseIp(attributeValue(range, 'start') ?? '');
  const end = parseIp(attributeValue(range, 'end') ?? '');
  if (!start || !end || start.family !== end.family || end.value < start.value) return [];
  const count = (a: IpAddress, b: IpAddress) => b.value - a.value + 1n;
  return [`**DHCP range** of ${count(start, end)} addresses, ${formatIp(start)} – ${formatIp(end)}`];
}
