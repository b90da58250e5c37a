// The background's side of anchoring, run in the test's own process: what content/anchor.ts gets
// back from an `anchor` message, without a browser.
import { createTextAnchorer, textPlaces } from '../../src/core/anchor-text.ts';
import type { TextAnchorer } from '../../src/content/anchor.ts';
import { highlightable } from '../../src/model/note-changes.ts';
import type { PackData } from '../../src/model/pack.ts';
import { MOST_PLACES } from '../../src/shared/messages.ts';

export function localTextAnchorer(pack: Omit<PackData, 'article'>): TextAnchorer {
  const anchorText = createTextAnchorer({ ...pack, notes: highlightable(pack.notes) });
  return async (text) => textPlaces(anchorText(text), MOST_PLACES);
}
