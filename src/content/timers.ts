// Timers for content scripts. Chromium does not run a content script's setTimeout callbacks on a
// page whose JavaScript is blocked (checked in Chromium 156), while AbortSignal.timeout and
// MessageChannel still deliver their events there, in both browsers.

/** Calls `callback` once after `ms` ≥ 0 (whole ms: Node's AbortSignal.timeout refuses a fraction), unless the returned cancel function is called first. */
export function after(ms: number, callback: () => void): () => void {
  let cancelled = false;
  AbortSignal.timeout(ms | 0).addEventListener('abort', () => {
    if (!cancelled) callback();
  }, { once: true });
  return () => {
    cancelled = true;
  };
}

/** Resolves in a task of its own, after the page has had a turn. */
export function nextTask(): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // Unreachable once the message is delivered: both ports are collected without a close().
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
}
