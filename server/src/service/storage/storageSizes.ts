// Storage sizes as libvirt reads a volume's <capacity> and <allocation> (virStorageSize): the element's text as
// strtoull takes it (leading blanks and '+' allowed, nothing after the digits), scaled by unit= (bytes by default;
// k, KiB = 1024, KB = 1000, up to E), at most 2^63 - 1 bytes.

export type StorageSize =
  | { readonly bytes: bigint }
  /** The text is not a number libvirt takes. */
  | { readonly malformed: true }
  | { readonly unknownUnit: string }
  /** More than 2^63 - 1 bytes: libvirt's "value too large: VALUEUNIT". */
  | { readonly tooLarge: string };

const LIMIT = 2n ** 63n - 1n;
const MAX_ULL = 2n ** 64n - 1n;
const POWERS = 'kmgtpe';

/** The bytes of one unit; undefined when libvirt does not know it. */
export function unitScale(unit: string | undefined): bigint | undefined {
  if (unit === undefined || unit === '') return 1n;
  const lower = unit.toLowerCase();
  if (lower === 'b' || lower === 'byte' || lower === 'bytes') return 1n;
  const power = POWERS.indexOf(lower[0]!);
  if (power < 0) return undefined;
  const rest = unit.slice(1);
  const base = rest === '' || rest.toLowerCase() === 'ib' ? 1024n : rest.toLowerCase() === 'b' ? 1000n : undefined;
  return base === undefined ? undefined : base ** BigInt(power + 1);
}

export function parseStorageSize(text: string, unit: string | undefined): StorageSize {
  const match = /^[ \t\n\r\f\v]*\+?(\d+)$/.exec(text);
  if (!match) return { malformed: true };
  const value = BigInt(match[1]!);
  if (value > MAX_ULL) return { malformed: true };
  const scale = unitScale(unit);
  if (scale === undefined) return { unknownUnit: unit ?? '' };
  if (value !== 0n && value > LIMIT / scale) return { tooLarge: `${value}${unit ?? ''}` };
  return { bytes: value * scale };
}
