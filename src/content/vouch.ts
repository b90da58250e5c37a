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

/**
 * The places of `first` that the reader sees as written, and, for places that failed, the next-best
 * places found with the failed ones masked (at most MAX_REMATCHES more matches). A note is listed
 * as withheld when a place of it shows the reader different words, or when none of its places is
 * shown; a mention inside an unseen copy of a note shown elsewhere is simply not painted.
 * A generator that yields between checks, so that a caller can pause (vouchInSlices).
 */
function* vouchSteps(first: Anchoring, rematch: (index: TextIndex) => Anchoring, check: Check, onPassed?: (item: Anchored) => void): Generator<void, Vouched, void> {
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
      yield;
    }
    if (failedNow.length === 0 || pass >= MAX_REMATCHES) break;
    index = masked(index, failedNow);
    round = rematch(index).anchored;
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

/** vouchSteps in one go (tests). */
export function vouch(first: Anchoring, rematch: (index: TextIndex) => Anchoring, check: Check = renderedAsWritten): Vouched {
  const steps = vouchSteps(first, rematch, check);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * vouchSteps with the page's turn every SLICE_MS: a page with many copies of the article has many
 * places to check. Undefined when `signal` aborted meanwhile (a newer anchoring, or the overlay ended).
 * `onPassed` is told of each place as it passes.
 */
export async function vouchInSlices(first: Anchoring, rematch: (index: TextIndex) => Anchoring, signal: AbortSignal, onPassed?: (item: Anchored) => void, check: Check = renderedAsWritten): Promise<Vouched | undefined> {
  const steps = vouchSteps(first, rematch, check, onPassed);
  let sliceStart = performance.now();
  for (;;) {
    if (signal.aborted) return undefined;
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await nextTask();
    sliceStart = performance.now();
  }
}
