// The page shares CSS.highlights with Backstory and can delete, replace or edit its entries. Checked
// every second (a handful of map lookups) and whenever the popup asks: what was taken is painted
// again and the popup tells the reader that the page interfered.
import type { Guard, OverlayState } from './overlay-state.ts';

const CHECK_EVERY_MS = 1000;

export function guardHighlights(state: OverlayState, onInterference: () => void, guard: Guard, signal: AbortSignal): () => void {
  const check = guard(() => {
    if (state.highlights.intact()) return;
    state.highlights.repaint();
    state.interfered = true;
    onInterference();
  });
  const timer = setInterval(check, CHECK_EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return check;
}
