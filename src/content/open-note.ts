// Opening the popover on anchored notes: the one path that hover, touch, stepping and the popup share.
import type { Anchored } from './anchor.ts';
import type { OverlayState } from './overlay-state.ts';

export function openNotes(state: OverlayState, items: readonly Anchored[], focus: boolean): void {
  const notes = [...new Map(items.map((item) => [item.note.id, item.note])).values()];
  state.popover.show(notes, items[0].range, { focus });
}
