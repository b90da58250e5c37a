// Mouse and pen: act only once the pointer has rested for the reader's dwell time, then open the
// note under it, keep the one open, or close it. Events the page made up (isTrusted false) are ignored.
import { itemsAtPoint } from './hit-test.ts';
import { openNotes } from './open-note.ts';
import type { Guard, OverlayState } from './overlay-state.ts';
import { after } from './timers.ts';

/**
 * How long ago the pointer moved: browsers hand moves to scripts at the next frame, and the dwell
 * counts from the move itself. A stamp from the future or too far back counts as now.
 */
const MAX_DISPATCH_DELAY_MS = 50;
export function dispatchDelay(event: Pick<Event, 'timeStamp'>, now = performance.now()): number {
  const delay = now - event.timeStamp;
  return delay > 0 && delay < MAX_DISPATCH_DELAY_MS ? delay : 0;
}

export function watchHover(state: OverlayState, guard: Guard, signal: AbortSignal): void {
  let cancelDwell = () => {};
  signal.addEventListener('abort', () => cancelDwell(), { once: true });
  const settle = guard((x: number, y: number, overPopover: boolean) => {
    if (overPopover) return;
    const items = itemsAtPoint(state.shown, x, y);
    if (items.length > 0) {
      if (state.popover.key !== items[0].range) openNotes(state, items, false);
    } else if (state.popover.isOpen() && !state.popover.hasFocus()) {
      state.popover.hide();
    }
  });
  state.relay.on('pointermove', guard((event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    cancelDwell();
    const { clientX, clientY } = event;
    const overPopover = state.popover.contains(event);
    cancelDwell = after(state.display.dwellMs - dispatchDelay(event), () => settle(clientX, clientY, overPopover));
  }), signal);
}
