// Which spans overlap a given one, in O(log n) per question: how the generic schema check, which runs last,
// yields to the problems the specific rules reported.

import type { Span } from '../languageTypes';

export class SpanIndex {
  private readonly starts: number[];
  /** maxEnd[i]: the largest end among the first i + 1 spans by start. */
  private readonly maxEnd: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((span) => span.start);
    this.maxEnd = [];
    let max = -1;
    for (const span of sorted) this.maxEnd.push((max = Math.max(max, span.end)));
  }

  overlaps(span: Span): boolean {
    let low = 0;
    let high = this.starts.length; // first index whose start >= span.end
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! < Math.max(span.end, span.start + 1)) low = middle + 1;
      else high = middle;
    }
    return low > 0 && this.maxEnd[low - 1]! > span.start;
  }
}
