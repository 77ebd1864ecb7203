// Tweak actions (refactor.rewrite): the common edits of the user's notes, offered where the cursor is.

import type { Fix, FixContext } from '../languageTypes';
import { convertToVirtio } from './convertToVirtio';
import { hideVirtualization } from './hideVirtualization';
import { passThroughAllFunctions } from './passThroughAllFunctions';
import { removePciAddresses } from './removePciAddresses';
import type { Tweak } from './tweak';

const TWEAKS: readonly Tweak[] = [hideVirtualization, convertToVirtio, passThroughAllFunctions, removePciAddresses];

export function tweaksAt(context: FixContext, offset: number): Fix[] {
  const fixes: Fix[] = [];
  for (const tweak of TWEAKS) {
    try {
      fixes.push(...tweak.offer(context, offset).filter((fix) => fix.edits.length > 0));
    } catch {
      // A broken tweak is left out; the others are still offered.
    }
  }
  return fixes;
}
