// libvirt's size units, as virScaleInteger() in libvirt's src/util/virutil.c reads them: case-insensitive,
// 'b'/'byte'/'bytes' for bytes, a bare letter or '<letter>iB' for powers of 1024, '<letter>B' for powers of 1000.

const POWERS = ['k', 'm', 'g', 't', 'p', 'e'];

export type SizeParse = { bytes: number } | { error: string };

/** Bytes per unit, or undefined when libvirt would reject the unit. An absent unit means `defaultScale`. */
export function unitScale(unit: string | undefined, defaultScale = 1024): number | undefined {
  if (unit === undefined || unit === '') return defaultScale;
  const lower = unit.toLowerCase();
  if (lower === 'b' || lower === 'byte' || lower === 'bytes') return 1;
  const power = POWERS.indexOf(lower[0]) + 1;
  if (power === 0) return undefined;
  const rest = lower.slice(1);
  const base = rest === '' || rest === 'ib' ? 1024 : rest === 'b' ? 1000 : undefined;
  return base === undefined ? undefined : base ** power;
}

/** Parses a libvirt size such as `<memory unit='GiB'>8</memory>` into bytes. */
export function parseSize(value: string | undefined, unit: string | undefined, defaultScale = 1024): SizeParse {
  const scale = unitScale(unit, defaultScale);
  if (scale === undefined) return { error: `unknown unit '${unit}' (use KiB, MiB, GiB, TiB or bytes)` };
  const trimmed = (value ?? '').replace(/^[ \t\r\n]+/, '');
  if (!/^\+?[0-9]+$/.test(trimmed)) return { error: `'${value ?? ''}' is not a whole number` };
  // libvirt scales into a signed 64-bit byte count and stores memory in KiB: beyond that it refuses the definition
  // (checked on libvirt 9.0: 4194304 TiB is accepted, 8388608 TiB is "numerical overflow: value too large").
  const exact = BigInt(trimmed.replace(/^\+/, '')) * BigInt(scale);
  if (exact > MAX_BYTES) return { error: `'${trimmed}' is too large: libvirt refuses it ("numerical overflow: value too large")` };
  return { bytes: Number(exact) };
}

/** The largest size libvirt takes: a signed 64-bit byte count whose KiB (rounded up) stay below 2^53. */
const MAX_BYTES = (2n ** 53n - 1n) * 1024n;

const HUMAN_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** "8 GiB", "1.5 GiB", "512 MiB": the largest binary unit that keeps the number readable. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < HUMAN_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 100) / 100;
  return `${rounded} ${HUMAN_UNITS[unit]}`;
}
