// MAC addresses as libvirt's virMacAddrParse reads them: six groups of 1-2 hex digits separated by ':', then the end
// or a blank (no dashes).

const MAC =
  /^([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2}):([0-9A-Fa-f]{1,2})(?:$|[\x00-\x20])/;

export interface MacAddress {
  /** Lower case, two digits a group: what libvirt compares and writes back. */
  readonly normalized: string;
  /** The first group as written (its lowest bit marks a multicast address). */
  readonly firstGroup: string;
  readonly multicast: boolean;
}

export function parseMac(text: string): MacAddress | undefined {
  const match = MAC.exec(text);
  if (!match) return undefined;
  const groups = match.slice(1, 7) as string[];
  const first = Number.parseInt(groups[0]!, 16);
  return {
    normalized: groups.map((g) => g.padStart(2, '0').toLowerCase()).join(':'),
    firstGroup: groups[0]!,
    multicast: (first & 1) === 1,
  };
}
