// Text that arrives after load (single-page apps, "load more", live blogs, web components that fill
// or attach their shadow roots late): hands the gate only the new text, in batches. Each batch
// reads each changed subtree once: nodes inside another pending node, or gone from the page, are
// dropped; past a cap the whole page is read once instead, and so is a page that changes many times
// within a batch (a ticker, a live blog updating every frame). The shadow roots the gate has read are
// watched like the document; custom elements seen without one are looked at again with each batch
// and on a back-off, since attaching a root changes nothing a MutationObserver sees.
import { settler } from './settled.ts';
import { pageTexts, type Shadows } from './page-text.ts';
import { after } from './timers.ts';

const BATCH = { delay: 250, maxWait: 1000 };
/** A batch that stopped listening ends this long after it began. */
const BUSY_BATCH = { delay: 2000, maxWait: 2000 };
const MAX_PENDING_NODES = 500;
/**
 * Each change the observer reports is a call into this world, whatever it adds: on a live blog adding
 * a paragraph every 16 ms, the calls took 29 of Backstory's 48 ms in an 8 s profile (0.60 % of the
 * main thread). Past this many calls in one batch the watcher stops listening until the batch ends,
 * BUSY_BATCH after it began, and then reads the whole page: 0.06–0.16 % in four such profiles (2026-12-07).
 */
const BUSY_CALLS = 16;

/** The outermost of `pending` still on the page. */
export function outermost(pending: ReadonlySet<Node>): Node[] {
  const kept: Node[] = [];
  for (const node of pending) {
    if (!node.isConnected) continue;
    let inside = false;
    for (let parent = node.parentNode; parent && !inside; parent = parent.parentNode) inside = pending.has(parent);
    if (!inside) kept.push(node);
  }
  return kept;
}

/**
 * Calls `onTexts` with the text of each batch of changes (every changed subtree's text, read once)
 * and of shadow roots attached since, in the document or in a root of `shadows`.
 */
export function watchAddedText(doc: Document, shadows: Shadows, onTexts: (texts: Iterable<string>) => void, signal: AbortSignal): void {
  let pending = new Set<Node>();
  /** The next batch reads the whole page, and the observer is not listening: too many nodes pending, or too many calls. */
  let overflow = false;
  let calls = 0;
  const flush = () => {
    const nodes = pending;
    const whole = overflow;
    pending = new Set();
    overflow = false;
    calls = 0;
    if (whole) {
      listen();
      // Read whole means the shadow roots too: what changed in them while nobody listened is there.
      shadows.roots.clear();
    }
    onTexts(pageTexts(doc, shadows, whole ? undefined : outermost(nodes)));
  };
  const poke = settler(() => (calls > BUSY_CALLS ? BUSY_BATCH : BATCH), flush, signal);
  const observer = new MutationObserver((records) => {
    if (!overflow) {
      for (const record of records) {
        if (record.type === 'characterData') pending.add(record.target);
        else for (const node of record.addedNodes) pending.add(node);
      }
      // A large page is read whole a text node at a time, in slow steps: there, every change is heard.
      if ((++calls > BUSY_CALLS && !shadows.large) || pending.size > MAX_PENDING_NODES) {
        // What the page does until the batch ends is read then, with the rest of the page.
        overflow = true;
        pending.clear();
        observer.disconnect();
      }
    }
    poke();
  });
  const observe = (root: Node) => observer.observe(root, { childList: true, subtree: true, characterData: true });
  const listen = () => {
    observe(doc.documentElement);
    shadows.roots.forEach(observe);
  };
  listen();
  shadows.onRoot = observe;
  // Custom elements seen without a shadow root are looked at again (an empty batch: only the roots
  // attached since) 1 s, 2 s, 4 s… 128 s after watching starts, and with every batch. One timer at
  // a time: each costs a signal and a listener, and every page without the article starts a watch.
  const lookAgain = (seconds: number, wait: number): unknown =>
    after(1000 * wait, () => signal.aborted || (flush(), seconds < 128 && lookAgain(seconds * 2, seconds)));
  lookAgain(1, 1);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    shadows.onRoot = undefined;
  }, { once: true });
}
