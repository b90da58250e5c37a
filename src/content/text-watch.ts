// Text that arrives after load (single-page apps, "load more", live blogs): hands the gate only the
// new text, in batches. Each batch reads each changed subtree once: nodes inside another pending
// node, or gone from the page, are dropped; past a cap the whole page is read once instead.
import { settler } from './settled.ts';
import { lightText, textWithoutScripts } from './page-text.ts';

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

function textOf(node: Node): string {
  if (node.nodeType === Node.ELEMENT_NODE) {
    const tag = (node as Element).localName;
    return tag === 'script' || tag === 'style' ? '' : textWithoutScripts(node as Element);
  }
  return node.nodeType === Node.TEXT_NODE ? (node as Text).data : '';
}

/** Calls `onTexts` with the text of each batch of changes: every changed subtree's text, read once. */
export function watchAddedText(doc: Document, onTexts: (texts: string[]) => void, signal: AbortSignal): void {
  let pending = new Set<Node>();
  let overflow = false;
  const flush = () => {
    const nodes = pending;
    pending = new Set();
    if (overflow) {
      overflow = false;
      onTexts([lightText(doc)]);
      return;
    }
    const texts = outermost(nodes).map(textOf).filter((text) => text.length > 0);
    if (texts.length > 0) onTexts(texts);
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
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
