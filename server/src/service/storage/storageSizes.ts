// Storage sizes as libvirt reads a volume's <capacity> and <allocation> (virStorageSize): the element's text as
// strtoull takes it (leading blanks and '+' allowed, nothing after the digits), scaled by unit= (bytes by default;
// k, KiB = 1024, KB = 1000, up to E), at most 2^63 - 1 bytes.

import { unitScale } from '../model/sizeUnits';

export type StorageSize =
  | { readonly bytes: bigint }
  /** The text is not a number libvirt takes. */
  | { readonly malformed: true }
  | { readonly unknownUnit: string }
  /** More than 2^63 - 1 bytes: libvirt's "value too large: VALUEUNIT". */
  | { readonly tooLarge: string };

const LIMIT = 2n ** 63n - 1n;
const MAX_ULL = 2n ** 64n - 1n;

export function parseStorageSize(text: string, unit: string | undefined): StorageSize {
  const match = /^[ \t\n\r\f\v]*\+?(\d+)$/.exec(text);
  if (!match) return { malformed: true };
  const value = BigInt(match[1]!);
  if (value > MAX_ULL) return { malformed: true };
  // The same suffixes as a domain's sizes (libvirt's virScaleInteger), bytes by default.
  const units = unitScale(unit, 1);
  if (units === undefined) return { unknownUnit: unit ?? '' };
  const scale = BigInt(units);
  if (value !== 0n && value > LIMIT / scale) return { tooLarge: `${value}${unit ?? ''}` };
  return { bytes: value * scale };
}
