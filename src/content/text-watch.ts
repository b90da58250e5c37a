// Text that arrives after load (single-page apps, "load more", live blogs, web components that fill
// or attach their shadow roots late): hands the gate only the new text, in batches. Each batch
// reads each changed subtree once: nodes inside another pending node, or gone from the page, are
// dropped; past a cap the whole page is read once instead. The shadow roots the gate has read are
// watched like the document; custom elements seen without one are looked at again with each batch
// and on a back-off, since attaching a root changes nothing a MutationObserver sees.
import { settler } from './settled.ts';
import { pageTexts, type Shadows } from './page-text.ts';
import { after } from './timers.ts';

const BATCH = { delay: 250, maxWait: 1000 };
const MAX_PENDING_NODES = 500;


/** The outermost of `nodes` still on the page, each once. */
export function outermost(nodes: Iterable<Node>): Node[] {
  const pending = new Set(nodes);
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
  let overflow = false;
  const flush = () => {
    const nodes = pending;
    pending = new Set();
    onTexts(pageTexts(doc, shadows, overflow ? undefined : outermost(nodes)));
    overflow = false;
  };
  const poke = settler(() => BATCH, flush, signal);
  const observer = new MutationObserver((records) => {
    if (!overflow) {
      for (const record of records) {
        if (record.type === 'characterData') pending.add(record.target);
        else for (const node of record.addedNodes) pending.add(node);
      }
      if (pending.size > MAX_PENDING_NODES) {
        overflow = true;
        pending.clear();
      }
    }
    poke();
  });
  const observe = (root: Node) => observer.observe(root, { childList: true, subtree: true, characterData: true });
  observe(doc.documentElement);
  shadows.roots.forEach(observe);
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
