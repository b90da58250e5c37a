// A note opened by pointer closes when its text scrolls out of view (unless it holds focus).
import type { Guard, OverlayState } from './overlay-state.ts';

export function closeOnScrollAway(state: OverlayState, guard: Guard, signal: AbortSignal): void {
  state.relay.on('scroll', guard(() => {
    const range = state.popover.range;
    if (!range || state.popover.hasFocus()) return;
    const rect = range.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight) state.popover.hide();
  }), signal);
}
