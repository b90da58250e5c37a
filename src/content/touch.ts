// Touch: a tap on a highlight opens its note at once; a tap anywhere else closes it.
import { itemsAtPoint } from './hit-test.ts';
import { openNotes } from './open-note.ts';
import type { Guard, OverlayState } from './overlay-state.ts';

export function watchTouch(state: OverlayState, guard: Guard, signal: AbortSignal): void {
  state.relay.on('pointerup', guard((event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType !== 'touch' || state.popover.contains(event)) return;
    const items = itemsAtPoint(state.shown, event.clientX, event.clientY);
    if (items.length > 0) openNotes(state, items, false);
    else state.popover.hide();
  }), signal);
}
