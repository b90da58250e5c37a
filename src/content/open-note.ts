// Opening the popover on anchored notes: the one path that hover, touch, stepping and the popup share.
import type { Anchored } from './anchor.ts';
import type { OverlayState } from './overlay-state.ts';

/**
 * Opens one card for every note at a place (a name inside a claim opens both), placed clear of all
 * their words: its reference is the span from the first item's start to the last one's end.
 */
export function openNotes(state: OverlayState, items: readonly Anchored[], focus: boolean): void {
  const notes = [...new Map(items.map((item) => [item.note.id, item.note])).values()];
  state.popover.show(notes, items.length === 1 ? items[0].range : spanning(items), { focus, key: items[0].range });
}

function spanning(items: readonly Anchored[]): Range {
  let start = items[0].range;
  let end = items[0].range;
  for (const { range } of items) {
    if (range.compareBoundaryPoints(Range.START_TO_START, start) < 0) start = range;
    if (range.compareBoundaryPoints(Range.END_TO_END, end) > 0) end = range;
  }
  const span = start.cloneRange();
  span.setEnd(end.endContainer, end.endOffset);
  return span;
}
