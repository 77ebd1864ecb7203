// UUIDs as libvirt reads them (virUUIDParse): a domain's <uuid>, SMBIOS's, a TPM secret's, a mediated device's.

const isSpace = (c: string) => c === ' ' || (c >= '\t' && c <= '\r');
const isHex = (c: string | undefined) => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/** A UUID read as libvirt's virUUIDParse does (hex pairs, '-' or ' ' between them, blanks around): its hex digits. */
export function parseUuid(text: string): string | undefined {
  let i = 0;
  while (i < text.length && isSpace(text[i])) i++;
  let hex = '';
  while (hex.length < 32) {
    const c = text[i];
    if (c === undefined) return undefined;
    if (c === '-' || c === ' ') {
      i++;
      continue;
    }
    if (!isHex(c) || !isHex(text[i + 1])) return undefined;
    hex += c + text[i + 1];
    i += 2;
  }
  for (; i < text.length; i++) if (!isSpace(text[i])) return undefined;
  return hex.toLowerCase();
}
