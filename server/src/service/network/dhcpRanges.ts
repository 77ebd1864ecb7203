// A DHCP range checked as libvirt checks it when it parses a network (virSocketAddrGetRange): the family of both
// ends, within the <ip>'s network, not its network or broadcast address, not reversed, at most 65535 addresses.
// The first failure is the one libvirt reports.

import { attribute, type XmlAttribute, type XmlElement } from '../xml/xmlTree';
import { addressBits, formatIp, type IpAddress, parseIp, sameNetwork } from './ipAddress';
import type { NetworkIp } from './networkModel';

export type RangeProblem =
  | { readonly kind: 'missing'; readonly attribute: 'start' | 'end' }
  | { readonly kind: 'malformed'; readonly attribute: XmlAttribute }
  | { readonly kind: 'family'; readonly says: string }
  | { readonly kind: 'outside'; readonly says: string }
  | { readonly kind: 'network-address' | 'broadcast'; readonly says: string }
  | { readonly kind: 'reversed' | 'too-large'; readonly says: string };

export interface ReadRange {
  readonly element: XmlElement;
  readonly start: IpAddress | undefined;
  readonly end: IpAddress | undefined;
  readonly problem: RangeProblem | undefined;
}

/** Ranges as written, read once per parsed element: three rules look at each. */
const read = new WeakMap<XmlElement, ReadRange>();

/** A range as written; with `instead`, those ends in its place (to check a fix before offering it). */
export function readRange(ip: NetworkIp, element: XmlElement, instead?: { start: IpAddress; end: IpAddress }): ReadRange {
  if (!instead) {
    let range = read.get(element);
    if (!range) read.set(element, (range = readAt(ip, element)));
    return range;
  }
  return readAt(ip, element, instead);
}

function readAt(ip: NetworkIp, element: XmlElement, instead?: { start: IpAddress; end: IpAddress }): ReadRange {
  const startAttribute = attribute(element, 'start');
  const endAttribute = attribute(element, 'end');
  const start = instead ? instead.start : startAttribute && parseIp(startAttribute.value);
  const end = instead ? instead.end : endAttribute && parseIp(endAttribute.value);
  const problem = rangeProblem(ip, startAttribute, endAttribute, start, end);
  return { element, start: start || undefined, end: end || undefined, problem };
}

function rangeProblem(
  ip: NetworkIp,
  startAttribute: XmlAttribute | undefined,
  endAttribute: XmlAttribute | undefined,
  start: IpAddress | undefined | '',
  end: IpAddress | undefined | '',
): RangeProblem | undefined {
  if (!startAttribute) return { kind: 'missing', attribute: 'start' };
  if (!endAttribute) return { kind: 'missing', attribute: 'end' };
  if (!start) return { kind: 'malformed', attribute: startAttribute };
  if (!end) return { kind: 'malformed', attribute: endAttribute };
  // libvirt prints the addresses as it formats them.
  const both = `${formatIp(start)} - ${formatIp(end)}`;
  if (start.family !== end.family) return { kind: 'family', says: `mismatch of address family in range ${both}` };
  const own = ip.parsed;
  if (!own || ip.prefixLength === undefined) return undefined;
  const network = `${formatIp(own)}/${ip.prefixLength}`;
  if (own.family !== start.family)
    return { kind: 'family', says: `mismatch of address family in range ${both} for network ${formatIp(own)}` };
  if (!sameNetwork(start, own, ip.prefixLength) || !sameNetwork(end, own, ip.prefixLength))
    return { kind: 'outside', says: `range ${both} is not entirely within network ${network}` };
  const hostBits = (1n << BigInt(addressBits(own.family) - ip.prefixLength)) - 1n;
  if (own.family === 'ipv4') {
    if ((start.value & hostBits) === 0n)
      return { kind: 'network-address', says: `start of range ${both} in network ${network} is the network address` };
    if ((end.value & hostBits) === hostBits)
      return { kind: 'broadcast', says: `end of range ${both} in network ${network} is the broadcast address` };
  }
  // libvirt's legacy size check: all but the last 16 bits equal (before it looks at the order).
  if (start.value >> 16n !== end.value >> 16n) return { kind: 'too-large', says: `range ${both} is too large (> 65535)` };
  if (end.value < start.value)
    return { kind: 'reversed', says: own.family === 'ipv4' ? `range ${both} is reversed` : `range ${both} start larger than end` };
  return undefined;
}
