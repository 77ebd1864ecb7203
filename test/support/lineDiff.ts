// A unified line diff, for pinning a fix's exact output compactly: given the input, the diff (with line numbers and
// every changed line, control characters escaped) determines the output character for character.

const CONTEXT = 1;

const shown = (line: string) => line.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\t/g, '\\t');

/** `@@ -a,b +c,d @@` hunks of the lines that differ, with one line of context. Empty when the texts are equal. */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence by dynamic programming: documents here are a few hundred lines at most.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ op: ' ', line: a[i]!, ai: i++, bi: j++ });
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ op: '-', line: a[i]!, ai: i++, bi: j });
    else ops.push({ op: '+', line: b[j]!, ai: i, bi: j++ });
  }
  // Hunks: every changed line with CONTEXT lines around it, overlapping ranges merged.
  const ranges: Array<[number, number]> = [];
  ops.forEach((o, index) => {
    if (o.op === ' ') return;
    const from = Math.max(0, index - CONTEXT);
    const to = Math.min(ops.length, index + CONTEXT + 1);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  });
  const lines: string[] = [];
  for (const [from, to] of ranges) {
    const slice = ops.slice(from, to);
    const aLines = slice.filter((o) => o.op !== '+').length;
    const bLines = slice.filter((o) => o.op !== '-').length;
    lines.push(`@@ -${slice[0]!.ai + 1},${aLines} +${slice[0]!.bi + 1},${bLines} @@`);
    for (const o of slice) lines.push(`${o.op}${shown(o.line)}`);
  }
  return lines.join('\n');
}
