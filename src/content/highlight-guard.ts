// The page shares CSS.highlights with Backstory and can delete, replace or edit its entries, or swap
// the whole <html> for a copy (the ranges then point at nodes no one sees). Nothing runs while the
// page is still: the registry is checked when something happens that a reader or a page would do
// (scroll, resize, pointer and keys, the tab coming back into view) and once a second at most while
// the tab is visible, never while hidden: no frame loop, no frames produced. A page that has taken
// the highlights is checked before every frame for the next HOT_MS, so what it takes again is back
// before it is seen. A highlight of the page's own registered over Backstory's with a higher
// priority (overpaint.ts) counts the same: Backstory's are registered again above it. What was
// taken is painted again and the popup tells the reader; a page that keeps taking it past
// RESTORE_BUDGET, or holds the highest priority there is, is also reported as blocking Backstory,
// in the popup and on the toolbar badge.
import type { Guard, OverlayState } from './overlay-state.ts';
import { OverpaintWatch } from './overpaint.ts';
import { after } from './timers.ts';

/** How often, at most, the registry is checked while nothing else prompts it (issue 23: once a second). */
const IDLE_CHECK_MS = 1000;
/** Repaints after which the page is reported as blocking Backstory (repainting goes on). */
const RESTORE_BUDGET = 200;
/** After the page took the highlights, how long they are checked before every frame. */
const HOT_MS = 10_000;

export interface GuardEvents {
  /** The highlights were taken or changed and painted again (first time: the popup says so). */
  onInterference(): void;
  /** The ranges no longer point into the page's document (its root was replaced): anchor again. */
  onDetached(): void;
  /** The page took the highlights more than RESTORE_BUDGET times (said once). */
  onBlocked(): void;
}

export function guardHighlights(state: OverlayState, events: GuardEvents, guard: Guard, signal: AbortSignal): { check(): void } {
  let restores = RESTORE_BUDGET;
  let hotUntil = 0;
  let frame = 0;
  const overpaint = new OverpaintWatch(state.doc);
  let outranked = false;
  const check = guard(() => {
    if (signal.aborted) return;
    if (!state.highlights.attached()) return events.onDetached();
    if (state.highlights.intact(true)) {
      const above = overpaint.check(state.highlights, state.shown);
      if (above === undefined) return;
      // The page's highlight paints over Backstory's: Backstory's go above it. A page that holds the
      // top priority cannot be painted over: said once, and not fought every frame.
      if (!state.highlights.raiseAbove(above)) {
        if (outranked) return;
        outranked = true;
        state.interfered = true;
        events.onInterference();
        return events.onBlocked();
      }
    } else state.highlights.repaint();
    // Past the budget the reader is told, and Backstory keeps painting what the page takes.
    if (restores-- === 0) events.onBlocked();
    state.interfered = true;
    events.onInterference();
    if (hotUntil === 0) frame = requestAnimationFrame(everyFrame);
    hotUntil = performance.now() + HOT_MS;
  });
  const everyFrame = guard(() => {
    check();
    if (performance.now() < hotUntil) frame = requestAnimationFrame(everyFrame);
    else hotUntil = 0;
  });
  signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });

  // The next check, once armed, is never put off: a page can dispatch visibilitychange events of its own.
  let cancelTick: (() => void) | undefined;
  const schedule = () => {
    if (cancelTick || signal.aborted || state.doc.visibilityState !== 'visible') return;
    cancelTick = after(IDLE_CHECK_MS, () => {
      cancelTick = undefined;
      tick();
    });
  };
  const tick = () => {
    check();
    schedule();
  };
  signal.addEventListener('abort', () => cancelTick?.(), { once: true });
  state.doc.addEventListener('visibilitychange', guard(tick), { signal });
  addEventListener('resize', check, { signal, passive: true });
  for (const type of ['scroll', 'pointermove', 'pointerup', 'keydown'] as const) state.relay.on(type, check, signal);
  schedule();
  return { check };
}
