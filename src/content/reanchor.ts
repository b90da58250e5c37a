// Anchoring on the live page, and again whenever the page changes the article's text: debounced,
// never starved by a page that never stops changing, and backing off in proportion to what the
// last run cost. A newer run aborts an older one before it touches the page again.
import type { Anchorer, Anchoring } from './anchor.ts';
import { composedAncestors, type Guard, type OverlayState } from './overlay-state.ts';
import { settler } from './settled.ts';

const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Changes are batched for at least this long… */
const MIN_DELAY_MS = 150;
/** …but a page that never stops changing still gets re-anchored this often (or rarer, see below). */
const MIN_MAX_WAIT_MS = 1000;
/** A run that cost c ms waits at least BACKOFF × c before the next one: at most ~1/BACKOFF of the time. */
const BACKOFF = 20;

export interface Reanchoring {
  /** Anchors now, superseding any run in progress. */
  now(): void;
}

export function watchArticle(
  state: OverlayState,
  anchorer: Pick<Anchorer, 'anchorNotesInSlices'>,
  onAnchored: (result: Anchoring) => void,
  /** The article was taken off the page: its places are gone before the anchoring that follows answers. */
  onArticleRemoved: () => void,
  onError: (error: unknown) => void,
  guard: Guard,
  signal: AbortSignal,
): Reanchoring {
  let running: AbortController | undefined;
  let lastCost = 0;
  const root = () => state.doc.body ?? state.doc.documentElement;

  let observedRoot = state.doc.documentElement;
  const now = () => {
    // A new <html> (a page that replaced its root) is watched too.
    if (state.doc.documentElement !== observedRoot) {
      observedRoot = state.doc.documentElement;
      observer.observe(observedRoot, OBSERVED);
    }
    if (state.articleRoot && !state.articleRoot.isConnected) onArticleRemoved();
    running?.abort();
    const run = new AbortController();
    running = run;
    const started = performance.now();
    anchorer
      .anchorNotesInSlices(root(), AbortSignal.any([signal, run.signal]))
      .then((result) => {
        if (!result || run.signal.aborted) return;
        lastCost = performance.now() - started;
        running = undefined;
        onAnchored(result);
        for (const shadow of result.index.shadowRoots) observer.observe(shadow, OBSERVED);
      })
      // A run superseded meanwhile fails no one.
      .catch((error: unknown) => void (run.signal.aborted || onError(error)));
  };

  const poke = settler(
    () => ({ delay: Math.max(MIN_DELAY_MS, BACKOFF * lastCost), maxWait: Math.max(MIN_MAX_WAIT_MS, 2 * BACKOFF * lastCost) }),
    now,
    signal,
  );

  const isRelevant = (record: MutationRecord): boolean => {
    const article = state.articleRoot;
    if (!article || !article.isConnected || article.contains(record.target)) return true;
    // Inside a shadow root, the article may be an ancestor through the root's host.
    if (record.target.getRootNode() !== state.doc && composedAncestors(record.target).includes(article)) return true;
    for (const node of record.removedNodes) if (node.contains(article)) return true;
    return false;
  };

  const observer = new MutationObserver(guard((records: MutationRecord[]) => {
    // One look per changed node: a page that changes one deep node thousands of times a frame must
    // not make Backstory walk its ancestors thousands of times.
    const looked = new Set<Node>();
    const relevant = (record: MutationRecord) => {
      if (record.removedNodes.length > 0) return isRelevant(record);
      if (looked.has(record.target)) return false;
      looked.add(record.target);
      return isRelevant(record);
    };
    if (!records.some(relevant)) return;
    // The article taken off the page (a single-page app's next view): nothing to wait for.
    if (state.articleRoot && !state.articleRoot.isConnected) now();
    else poke();
  }));
  // The whole document, not <body>: a page (or Turbo-style navigation) may replace <body> itself.
  observer.observe(state.doc.documentElement, OBSERVED);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    running?.abort();
  }, { once: true });
  return { now };
}
