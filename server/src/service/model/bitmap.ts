// libvirt's bitmaps ("0-3,^2,8") as its parser reads them: a domain's cpuset=, nodeset=, vcpus=, iothreads=, cpus=, and a host's siblings=.
// Read left to right (a later item can set again what a ^N cleared), items separated by commas, blanks allowed
// around numbers and commas, a trailing comma tolerated; ^N clears one bit and takes no range; every bit must be
// below the domain's mask length of 16384. Anything else is "Failed to parse bitmap '…'".

/** The domain parser's bitmap size (VIR_DOMAIN_CPUMASK_LEN): bit 16384 and above do not parse. */
export const BITMAP_LENGTH = 16384;

const INT_MAX = 2147483647;

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The set bits of a libvirt bitmap, ascending; undefined when libvirt fails to parse it. */
export function parseBitmap(text: string): number[] | undefined {
  const bits = new Set<number>();
  let i = 0;
  const skipBlanks = () => {
    while (isBlank(text[i])) i++;
  };
  // A decimal int as strtol reads it after the caller checked where it may start; undefined on overflow or no digits.
  const number = (signed: boolean): number | undefined => {
    skipBlanks();
    let negative = false;
    if (signed && (text[i] === '+' || text[i] === '-')) negative = text[i++] === '-';
    if (!isDigit(text[i])) return undefined;
    let value = 0;
    while (isDigit(text[i])) {
      value = value * 10 + (text.charCodeAt(i++) - 48);
      if (value > INT_MAX + 1) return undefined;
    }
    if (negative) value = -value;
    return value > INT_MAX || value < -INT_MAX - 1 ? undefined : value;
  };
  skipBlanks();
  if (i >= text.length) return undefined;
  while (i < text.length) {
    const clear = text[i] === '^';
    if (clear) i++;
    if (!isDigit(text[i])) return undefined;
    const first = number(false);
    if (first === undefined) return undefined;
    skipBlanks();
    if (text[i] === ',' || i >= text.length) {
      if (first >= BITMAP_LENGTH) return undefined;
      if (clear) bits.delete(first);
      else bits.add(first);
    } else if (text[i] === '-') {
      if (clear) return undefined;
      i++;
      const last = number(true);
      if (last === undefined || last < first || last >= BITMAP_LENGTH) return undefined;
      for (let bit = first; bit <= last; bit++) bits.add(bit);
      skipBlanks();
    }
    if (text[i] === ',') {
      i++;
      skipBlanks();
    } else if (i < text.length) return undefined;
  }
  return [...bits].sort((a, b) => a - b);
}
