// A note opened by hover or a tap closes when its text scrolls out of view; one opened from the
// keyboard or the popup stays while it holds focus.
import type { Guard, OverlayState } from './overlay-state.ts';

export function closeOnScrollAway(state: OverlayState, guard: Guard, signal: AbortSignal): void {
  state.relay.on('scroll', guard(() => {
    const range = state.popover.range;
    if (!range || (state.popover.openedByKeyboard() && state.popover.hasFocus())) return;
    const rect = range.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight) state.popover.hide();
  }), signal);
}
