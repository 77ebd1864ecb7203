// What a tweak is: a refactor.rewrite action offered where the cursor is, built like a quick fix.

import type { Fix, FixContext } from '../languageTypes';

export interface Tweak {
  /** The fixes this tweak offers with the cursor at `offset` (none when it does not apply there). */
  offer(context: FixContext, offset: number): Fix[];
}
