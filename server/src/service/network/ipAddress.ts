// IP addresses as libvirt reads them (getaddrinfo with AI_NUMERICHOST): IPv4 in inet_aton's forms (a, a.b, a.b.c,
// a.b.c.d; each part decimal, octal with a leading 0, or hex with 0x), IPv6 with '::' and an IPv4 tail. Addresses
// are BigInts so that IPv4 and IPv6 share the arithmetic of subnets and ranges.

export type IpFamily = 'ipv4' | 'ipv6';

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

export function addressBits(family: IpFamily): number {
  return BITS[family];
}

/** One inet_aton part: decimal, octal (leading 0) or hex (0x). */
function inetPart(text: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]*$/.test(text)) return text.length === 2 ? 0 : Number.parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return Number.parseInt(text, 8);
  if (/^[1-9][0-9]*$/.test(text)) return Number(text);
  return undefined;
}

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((part) => part === '')) return undefined;
  const numbers = parts.map(inetPart);
  if (numbers.some((n) => n === undefined)) return undefined;
  const values = numbers as number[];
  // The last part fills the bytes the others leave: a.b is a.0.0.b, a.b.c is a.b.0.c.
  const last = values[values.length - 1]!;
  const leading = values.slice(0, -1);
  if (leading.some((n) => n > 255) || last >= 2 ** (8 * (5 - values.length))) return undefined;
  let value = 0n;
  for (const n of leading) value = (value << 8n) | BigInt(n);
  return (value << BigInt(8 * (5 - values.length))) | BigInt(last);
}

export function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  let tail: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    // An IPv4 tail: dotted quad only.
    const v4 = text.slice(lastColon + 1);
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) return undefined;
    tail = parseIpv4(v4);
    if (tail === undefined) return undefined;
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsWanted = tail === undefined ? 8 : 6;
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...left, ...right].some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  const missing = groupsWanted - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...left, ...Array(missing).fill('0'), ...right]) value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return tail === undefined ? value : (value << 32n) | tail;
}

/** An address of either family (IPv6 when it has a ':'). */
export function parseIp(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseIpv6(trimmed);
    return value === undefined ? undefined : { family: 'ipv6', value };
  }
  const value = parseIpv4(trimmed);
  return value === undefined ? undefined : { family: 'ipv4', value };
}

/** The prefix length of a contiguous netmask (255.255.255.0 → 24); undefined when its ones are not contiguous. */
export function prefixOfNetmask(mask: bigint, family: IpFamily): number | undefined {
  const bits = BITS[family];
  let prefix = 0;
  while (prefix < bits && ((mask >> BigInt(bits - 1 - prefix)) & 1n) === 1n) prefix++;
  const rest = mask & ((1n << BigInt(bits - prefix)) - 1n);
  return rest === 0n ? prefix : undefined;
}

export function maskOf(prefix: number, family: IpFamily): bigint {
  const bits = BITS[family];
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

/** Whether two addresses of one family are in the same network of `prefix` bits. */
export function sameNetwork(a: IpAddress, b: IpAddress, prefix: number): boolean {
  if (a.family !== b.family) return false;
  const mask = maskOf(prefix, a.family);
  return (a.value & mask) === (b.value & mask);
}

/** An address written as libvirt writes it back (dotted quad; IPv6 groups, the longest zero run as '::'). */
export function formatIp(address: IpAddress): string {
  if (address.family === 'ipv4') return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 255n)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((address.value >> shift) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
