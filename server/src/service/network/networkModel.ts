// A network definition as the network rules read it: its name, forward mode, bridge and addresses (each <ip> with
// its parsed subnet, DHCP ranges and hosts). Built from the parsed document; every part keeps its element so that
// rules can point at it.

import type { DocumentModel } from '../languageTypes';
import { attribute, attributeValue, childrenNamed, firstChild, textOf, type XmlAttribute, type XmlElement } from '../xml/xmlTree';
import { addressBits, type IpAddress, type IpFamily, parseIp, prefixOfNetmask } from './ipAddress';

export interface NetworkIp {
  readonly element: XmlElement;
  /** family= as written (libvirt's default is ipv4). */
  readonly familyAttribute: XmlAttribute | undefined;
  readonly address: XmlAttribute | undefined;
  /** The parsed address= (undefined when missing or malformed). */
  readonly parsed: IpAddress | undefined;
  readonly netmask: XmlAttribute | undefined;
  readonly prefix: XmlAttribute | undefined;
  /**
   * The network's prefix length when address, netmask/prefix are readable and consistent; without either, libvirt's
   * default (IPv4: the address's class; IPv6: 64).
   */
  readonly prefixLength: number | undefined;
  readonly dhcp: XmlElement | undefined;
  readonly ranges: readonly XmlElement[];
  readonly hosts: readonly XmlElement[];
}

export interface NetworkModel extends DocumentModel {
  readonly name: string | undefined;
  readonly forward: XmlElement | undefined;
  /** The forward mode: mode= of <forward> ('nat' when it has none), undefined for an isolated network. */
  readonly forwardMode: string | undefined;
  readonly bridge: XmlElement | undefined;
  readonly ips: readonly NetworkIp[];
}

export function buildNetworkModel(root: XmlElement): NetworkModel | undefined {
  if (root.name !== 'network') return undefined;
  const forward = firstChild(root, 'forward');
  return {
    root,
    name: textOf(firstChild(root, 'name')),
    forward,
    forwardMode: forward ? (attributeValue(forward, 'mode') ?? 'nat') : undefined,
    bridge: firstChild(root, 'bridge'),
    ips: childrenNamed(root, 'ip').map(readIp),
  };
}

function readIp(element: XmlElement): NetworkIp {
  const address = attribute(element, 'address');
  const netmask = attribute(element, 'netmask');
  const prefix = attribute(element, 'prefix');
  const parsed = address ? parseIp(address.value) : undefined;
  const dhcp = firstChild(element, 'dhcp');
  return {
    element,
    familyAttribute: attribute(element, 'family'),
    address,
    parsed,
    netmask,
    prefix,
    prefixLength: parsed ? prefixLengthOf(parsed, netmask, prefix) : undefined,
    dhcp,
    ranges: childrenNamed(dhcp, 'range'),
    hosts: childrenNamed(dhcp, 'host'),
  };
}

function prefixLengthOf(address: IpAddress, netmask: XmlAttribute | undefined, written: XmlAttribute | undefined): number | undefined {
  // prefix='0' is no prefix to libvirt.
  const prefix = written?.value.trim() === '0' ? undefined : written;
  if (netmask && prefix) return undefined;
  if (prefix) {
    const value = /^\d+$/.test(prefix.value.trim()) ? Number(prefix.value.trim()) : Number.NaN;
    return value <= addressBits(address.family) ? value : undefined;
  }
  if (netmask) {
    const mask = parseIp(netmask.value);
    return mask && mask.family === address.family ? prefixOfNetmask(mask.value, mask.family) : undefined;
  }
  // Without either: IPv4 takes its address class's, IPv6 64.
  return address.family === 'ipv4' ? classfulPrefix(address.value) : 64;
}

/** The prefix of an IPv4 address's class, libvirt's default without netmask or prefix (A: 8, B: 16, C: 24). */
export function classfulPrefix(value: bigint): number | undefined {
  const first = Number(value >> 24n);
  if (first < 128) return 8;
  if (first < 192) return 16;
  if (first < 224) return 24;
  return undefined;
}

/** The family an <ip> is for: family= when given, else its address's. */
export function familyOf(ip: NetworkIp): IpFamily | undefined {
  const written = ip.familyAttribute?.value;
  if (written === 'ipv4' || written === 'ipv6') return written;
  return ip.parsed?.family ?? (written === undefined ? 'ipv4' : undefined);
}
