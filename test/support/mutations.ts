// Deterministic mutations of real documents for fuzzing: truncations, deletions, duplications, byte flips.

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

const SPECIALS = [
  '<',
  '>',
  '/',
  "'",
  '"',
  '=',
  '&',
  '<!--',
  ']]>',
  '<![CDATA[',
  '\u0000',
  '</',
  '/>',
  '&#x0;',
  '<?xml ?>',
  '\uFFFF',
  '<domain>',
  '</devices>',
];

export function mutate(text: string, random: () => number): string {
  const at = () => Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 6)) {
    case 0:
      return text.slice(0, at());
    case 1: {
      const a = at();
      const b = Math.min(text.length, a + Math.floor(random() * 200));
      return text.slice(0, a) + text.slice(b);
    }
    case 2: {
      const a = at();
      const b = Math.min(text.length, a + Math.floor(random() * 400));
      return text.slice(0, b) + text.slice(a, b) + text.slice(b);
    }
    case 3: {
      const a = at();
      return text.slice(0, a) + SPECIALS[Math.floor(random() * SPECIALS.length)] + text.slice(a);
    }
    case 4: {
      const a = at();
      return text.slice(0, a) + String.fromCharCode(Math.floor(random() * 0x3000)) + text.slice(a + 1);
    }
    default: {
      const a = at();
      const b = at();
      return text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b)) + text.slice(Math.min(a, b), Math.max(a, b));
    }
  }
}
