// Mouse and pen: act only once the pointer has rested for the reader's dwell time, then open the
// note under it, keep the one open, or close it. Events the page made up (isTrusted false) are ignored.
import { itemsAtPoint } from './hit-test.ts';
import { openNotes } from './open-note.ts';
import type { Guard, OverlayState } from './overlay-state.ts';

export function watchHover(state: OverlayState, guard: Guard, signal: AbortSignal): void {
  let dwell: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(dwell), { once: true });
  const settle = guard((x: number, y: number, overPopover: boolean) => {
    if (overPopover) return;
    const items = itemsAtPoint(state.shown, x, y);
    if (items.length > 0) {
      if (state.popover.range !== items[0].range) openNotes(state, items, false);
    } else if (state.popover.isOpen() && !state.popover.hasFocus()) {
      state.popover.hide();
    }
  });
  state.doc.addEventListener('pointermove', guard((event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    clearTimeout(dwell);
    dwell = setTimeout(settle, state.display.dwellMs, event.clientX, event.clientY, state.popover.contains(event));
  }), { passive: true, capture: true, signal });
}
