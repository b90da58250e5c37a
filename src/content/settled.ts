// "Wait until the page has been quiet for `delay` ms, but never longer than `maxWait`": the one
// debounce that both the gate's watcher and the overlay's re-anchoring use. A page that changes
// every frame pokes it every frame: a poke only notes the time, and one timer at a time checks.
import { after } from './timers.ts';

export interface SettleTiming {
  delay: number;
  maxWait: number;
}

/** Returns `poke`: call it on every change; `callback` runs once things settle. */
export function settler(timing: () => SettleTiming, callback: () => void, signal: AbortSignal): () => void {
  let pendingSince = 0;
  let lastPoke = 0;
  let armed = false;
  const check = () => {
    const { delay, maxWait } = timing();
    const wait = Math.min(lastPoke + delay, pendingSince + maxWait) - performance.now();
    armed = wait > 0 && !signal.aborted;
    if (armed) after(Math.ceil(wait), check);
    else if (!signal.aborted) {
      pendingSince = 0;
      callback();
    }
  };
  return () => {
    lastPoke = performance.now();
    pendingSince ||= lastPoke;
    if (!armed) check();
  };
}
