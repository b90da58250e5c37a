// Backstory vouches only for what the reader sees: every anchored place is checked as rendered
// (rendered-text.ts) before it is painted. A place the reader does not see as the article wrote it
// is withheld, with its reason. Where a quote landed on a copy that is not shown (a hidden copy of
// the article placed before the visible one), the match runs again with that place masked out of
// the index's text, so that the next-best copy is found, and that one is checked in turn.
import type { Anchored, Anchoring } from './anchor.ts';
import type { WithheldNote as Withheld, WithheldReason } from '../shared/messages.ts';
import { RenderCache, renderedAsWritten, type Rendering } from './rendered-text.ts';
import type { TextIndex } from './text-index.ts';
import { nextTask } from './timers.ts';

export type { Withheld };

export interface Vouched {
  anchoring: Anchoring;
  /** One entry per note the reader would have seen on different (or unseen) words. */
  withheld: Withheld[];
}

/** Longest stretch of checks before the page gets its turn (style and layout reads cost ~0.1 ms a range). */
const SLICE_MS = 4;
/** Matches after the first: a page with more unseen copies than this gets no more tries. */
const MAX_REMATCHES = 3;
/** Masked characters: a separator for the tokenizer, so no word survives and none is joined. */
const MASK = ' ';

const placeKey = (item: Anchored) => `${item.note.id}\u0000${item.start}\u0000${item.end}`;

/** The index with the characters of `places` blanked: same length, same nodes, so offsets still map to Ranges. */
export function masked(index: TextIndex, places: ReadonlyArray<{ start: number; end: number }>): TextIndex {
  const sorted = [...places].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    parts.push(index.text.slice(at, from), MASK.repeat(end - from));
    at = end;
  }
  parts.push(index.text.slice(at));
  return { ...index, text: parts.join('') };
}

type Check = (range: Range, cache: RenderCache) => Rendering;
/** The match again on an index with some places masked (Anchorer.anchorIndex). */
type Rematch = (index: TextIndex) => Promise<Anchoring>;
/** Asked after each check: whether to go on (false: stop), at once or once the page has had its turn. */
type Pause = () => boolean | Promise<boolean>;

/**
 * The places of `first` that the reader sees as written, and, for places that failed, the next-best
 * places found with the failed ones masked (at most MAX_REMATCHES more matches). A note is listed
 * as withheld when a place of it shows the reader different words, or when none of its places is
 * shown; a mention inside an unseen copy of a note shown elsewhere is simply not painted.
 * Undefined when `pause` said to stop.
 */
async function vouchSteps(first: Anchoring, rematch: Rematch, check: Check, pause: Pause, onPassed?: (item: Anchored) => void): Promise<Vouched | undefined> {
  const cache = new RenderCache();
  const accepted: Anchored[] = [];
  const failed: Array<{ item: Anchored; reason: WithheldReason; partly: boolean }> = [];
  const seen = new Set<string>();
  let index = first.index;
  let round = first.anchored;
  for (let pass = 0; ; pass++) {
    const fresh = round.filter((item) => !seen.has(placeKey(item)));
    const failedNow: Anchored[] = [];
    for (const item of fresh) {
      seen.add(placeKey(item));
      const verdict = check(item.range, cache);
      if (verdict.ok) {
        onPassed?.(item);
        accepted.push(item);
      } else {
        failed.push({ item, reason: verdict.reason, partly: verdict.partly });
        failedNow.push(item);
      }
      const going = pause();
      if (going !== true && !(await going)) return undefined;
    }
    if (failedNow.length === 0 || pass >= MAX_REMATCHES) break;
    index = masked(index, failedNow);
    round = (await rematch(index)).anchored;
    if (!(await pause())) return undefined;
  }
  accepted.sort((a, b) => a.start - b.start || b.end - a.end);
  const painted = new Set(accepted.map((item) => item.note.id));
  const withheld = new Map<string, Withheld>();
  for (const { item, reason, partly } of failed) {
    if (withheld.has(item.note.id) || (!partly && painted.has(item.note.id))) continue;
    withheld.set(item.note.id, { id: item.note.id, title: item.note.title, reason });
  }
  return { anchoring: { index: first.index, anchored: accepted }, withheld: [...withheld.values()] };
}

/** vouchSteps without a pause (tests). */
export async function vouch(first: Anchoring, rematch: Rematch, check: Check = renderedAsWritten): Promise<Vouched> {
  return (await vouchSteps(first, rematch, check, () => true)) as Vouched;
}

/**
 * vouchSteps with the page's turn every SLICE_MS: a page with many copies of the article has many
 * places to check. Undefined when `signal` aborted meanwhile (a newer anchoring, or the overlay ended).
 * `onPassed` is told of each place as it passes.
 */
export async function vouchInSlices(first: Anchoring, rematch: Rematch, signal: AbortSignal, onPassed?: (item: Anchored) => void, check: Check = renderedAsWritten): Promise<Vouched | undefined> {
  let sliceStart = performance.now();
  const pause = (): boolean | Promise<boolean> => {
    if (signal.aborted) return false;
    if (performance.now() - sliceStart < SLICE_MS) return true;
    return nextTask().then(() => {
      sliceStart = performance.now();
      return !signal.aborted;
    });
  };
  return signal.aborted ? undefined : vouchSteps(first, rematch, check, pause, onPassed);
}
