// Test text with expected ranges marked inline: «...» marks where a diagnostic must point.

export interface MarkedText {
  readonly text: string;
  readonly spans: ReadonlyArray<{ start: number; end: number }>;
}

export const OPEN = '«';
export const CLOSE = '»';

export function unmark(marked: string): MarkedText {
  const spans: Array<{ start: number; end: number }> = [];
  let text = '';
  let open = -1;
  for (const char of marked) {
    if (char === OPEN) open = text.length;
    else if (char === CLOSE) {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += char;
  }
  return { text, spans: spans.sort((a, b) => a.start - b.start) };
}
