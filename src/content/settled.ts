// "Wait until the page has been quiet for `delay` ms, but never longer than `maxWait`": the one
// debounce that both the gate's watcher and the overlay's re-anchoring use.
import { after } from './timers.ts';

export interface SettleTiming {
  delay: number;
  maxWait: number;
}

/** Returns `poke`: call it on every change; `callback` runs once things settle. */
export function settler(timing: () => SettleTiming, callback: () => void, signal: AbortSignal): () => void {
  let cancel = () => {};
  let pendingSince = 0;
  signal.addEventListener('abort', () => cancel(), { once: true });
  const run = () => {
    pendingSince = 0;
    if (!signal.aborted) callback();
  };
  return () => {
    if (signal.aborted) return;
    const now = performance.now();
    pendingSince ||= now;
    const { delay, maxWait } = timing();
    cancel();
    cancel = after(Math.min(delay, Math.max(0, pendingSince + maxWait - now)), run);
  };
}
