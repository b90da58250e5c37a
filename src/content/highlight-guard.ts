// The page shares CSS.highlights with Backstory and can delete, replace or edit its entries. Checked
// before every frame is painted (a few map lookups; a full membership check every FULL_CHECK_EVERY
// frames), so what a page takes away between two frames is back before anyone sees it; what was
// taken is painted again and the popup tells the reader that the page interfered. Hidden tabs run
// no frames and cost nothing.
import type { Guard, OverlayState } from './overlay-state.ts';

const FULL_CHECK_EVERY = 30;

export function guardHighlights(state: OverlayState, onInterference: () => void, guard: Guard, signal: AbortSignal): void {
  let frame = 0;
  let request = 0;
  const check = guard(() => {
    if (signal.aborted) return;
    const thorough = ++frame % FULL_CHECK_EVERY === 0;
    if (!state.highlights.intact(thorough)) {
      state.highlights.repaint();
      if (!state.interfered) {
        state.interfered = true;
        onInterference();
      }
    }
    request = requestAnimationFrame(check);
  });
  request = requestAnimationFrame(check);
  signal.addEventListener('abort', () => cancelAnimationFrame(request), { once: true });
}
