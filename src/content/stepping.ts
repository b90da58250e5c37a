// Keyboard commands and the popup's list: bring a note into view and open it with focus inside.
import { openNotes } from './open-note.ts';
import type { OverlayState } from './overlay-state.ts';

/** Where a revealed note's text lands: high enough to leave room for the popover below it. */
const READING_POSITION = 0.22;

function scrollToReadingPosition(range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
  const { top } = range.getBoundingClientRect();
  window.scrollBy({ top: top - innerHeight * READING_POSITION, behavior: 'instant' });
}

function reveal(state: OverlayState, position: number): void {
  state.current = position;
  const item = state.shown[position];
  scrollToReadingPosition(item.range);
  openNotes(state, [item], true);
}

export function showNote(state: OverlayState, id: string): boolean {
  const position = state.shown.findIndex((item) => item.note.id === id);
  if (position >= 0) reveal(state, position);
  return position >= 0;
}

export function step(state: OverlayState, direction: 1 | -1): void {
  const count = state.shown.length;
  if (count > 0) reveal(state, (state.current + direction + count) % count);
}
