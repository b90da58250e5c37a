// Everything Backstory does on a page that carries the article, loaded only once the gate has found
// it: anchor the notes, paint them, show popovers on hover, keyboard and popup requests, and re-anchor
// when the page changes. All of it is torn down by the AbortSignal it is started with.
import type { NoteSummary } from '../model/note.ts';
import type { Display } from '../shared/settings.ts';
import { anchorNotesInSlices, type Anchored } from './anchor.ts';
import { caretAtPoint, rangeContainsPoint } from './caret.ts';
import { applyIntensity, clearIntensity } from './highlight-intensity.ts';
import { clearHighlights, paintHighlights } from './highlight-registry.ts';
import { Popover } from './popover.ts';
import { ShadowHighlightStyles } from './shadow-styles.ts';
import { offsetOf, type TextIndex } from './text-index.ts';

/** Page changes are batched for this long before re-anchoring… */
const REANCHOR_DELAY_MS = 150;
/** …but a page that never stops changing still gets re-anchored this often. */
const MAX_REANCHOR_WAIT_MS = 1000;
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface OverlayEvents {
  /** The notes shown changed (after anchoring or re-anchoring). */
  onNotes(notes: NoteSummary[]): void;
  /** The article is no longer on the page. */
  onGone(): void;
  /** Something failed; the overlay must be torn down. */
  onError(error: unknown): void;
}

export interface Overlay {
  notes(): NoteSummary[];
  /** Applies the reader's display settings at once. */
  configure(display: Display): void;
  show(id: string): boolean;
  step(direction: 1 | -1): void;
}

function commonAncestor(anchored: readonly Anchored[]): Node {
  const first = anchored[0].range.commonAncestorContainer;
  const last = anchored[anchored.length - 1].range.commonAncestorContainer;
  const span = document.createRange();
  span.setStartBefore(first);
  span.setEndAfter(last);
  return span.commonAncestorContainer;
}

/** Where a revealed note's text lands: high enough to leave room for the popover below it. */
const READING_POSITION = 0.22;

function scrollToReadingPosition(range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
  const { top } = range.getBoundingClientRect();
  window.scrollBy({ top: top - innerHeight * READING_POSITION, behavior: 'instant' });
}

function visibleUnder(display: Display, all: readonly Anchored[]): Anchored[] {
  const seen = new Set<string>();
  return all.filter((item) => {
    if (!display.kinds[item.kind]) return false;
    if (display.mentions === 'all') return true;
    if (seen.has(item.note.id)) return false;
    seen.add(item.note.id);
    return true;
  });
}

function summaries(anchored: readonly Anchored[]): NoteSummary[] {
  const seen = new Map<string, NoteSummary>();
  for (const { note } of anchored) {
    if (!seen.has(note.id)) seen.set(note.id, { id: note.id, kind: note.kind, title: note.title });
  }
  return [...seen.values()];
}

export function startOverlay(signal: AbortSignal, events: OverlayEvents, initialDisplay: Display): Overlay {
  const popover = new Popover(signal);
  const shadowStyles = new ShadowHighlightStyles();
  let index: TextIndex = { text: '', nodes: [], starts: [], positions: new Map(), shadowRoots: [] };
  /** Every anchored note on the page, and the ones shown under the reader's display settings. */
  let allAnchored: Anchored[] = [];
  let anchored: Anchored[] = [];
  let display = initialDisplay;
  let current = -1;
  let articleRoot: Node | undefined;

  /** Every callback from the page's event loop goes through this: an error ends the overlay, once. */
  const guard =
    <A extends unknown[]>(callback: (...args: A) => void) =>
    (...args: A): void => {
      if (signal.aborted) return;
      try {
        callback(...args);
      } catch (error) {
        events.onError(error);
      }
    };

  /** Bumped by every anchoring, so a slow one that a newer one overtook is dropped. */
  let anchoring = 0;

  async function anchor(): Promise<void> {
    const run = ++anchoring;
    const result = await anchorNotesInSlices(document.body ?? document.documentElement, signal);
    if (!result || run !== anchoring || signal.aborted) return;
    ({ index, anchored: allAnchored } = result);
    if (allAnchored.length === 0) {
      popover.hide();
      clearHighlights();
      events.onGone();
      return;
    }
    articleRoot = commonAncestor(allAnchored);
    shadowStyles.adopt(index.shadowRoots);
    for (const root of index.shadowRoots) observer.observe(root, OBSERVED);
    show();
  }

  /** Paints the anchored notes the display settings ask for, and reports them. */
  function show(): void {
    popover.hide();
    current = -1;
    anchored = visibleUnder(display, allAnchored);
    applyIntensity(display.intensity);
    paintHighlights(anchored);
    events.onNotes(summaries(anchored));
  }

  function anchoredAt(x: number, y: number): Anchored[] {
    const caret = caretAtPoint(x, y);
    if (!caret) return [];
    const offset = offsetOf(index, caret.node, caret.offset);
    if (offset < 0) return [];
    return anchored
      .filter((item) => item.start <= offset && offset <= item.end && rangeContainsPoint(item.range, x, y))
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  function open(items: readonly Anchored[], focus: boolean): void {
    const notesHere = [...new Map(items.map((item) => [item.note.id, item.note])).values()];
    popover.show(notesHere, items[0].range, { focus });
  }

  function reveal(position: number): void {
    current = position;
    const item = anchored[position];
    scrollToReadingPosition(item.range);
    open([item], true);
  }

  // Mouse and pen: act only once the pointer has rested, then open, keep or close.
  let dwell: ReturnType<typeof setTimeout> | undefined;
  const settle = guard((x: number, y: number, overPopover: boolean) => {
    if (overPopover) return;
    const items = anchoredAt(x, y);
    if (items.length > 0) {
      if (popover.anchor !== items[0].range) open(items, false);
    } else if (popover.isOpen() && !popover.hasFocus()) {
      popover.hide();
    }
  });
  document.addEventListener('pointermove', guard((event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    clearTimeout(dwell);
    dwell = setTimeout(settle, display.dwellMs, event.clientX, event.clientY, popover.contains(event));
  }), { passive: true, signal });
  signal.addEventListener('abort', () => clearTimeout(dwell), { once: true });

  // Touch: a tap on a highlight opens its note at once; a tap anywhere else closes it.
  document.addEventListener('pointerup', guard((event: PointerEvent) => {
    if (event.pointerType !== 'touch' || popover.contains(event)) return;
    const items = anchoredAt(event.clientX, event.clientY);
    if (items.length > 0) open(items, false);
    else popover.hide();
  }), { passive: true, signal });

  document.addEventListener('scroll', guard(() => {
    const anchorRange = popover.anchor;
    if (!anchorRange || popover.hasFocus()) return;
    const rect = anchorRange.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > innerHeight) popover.hide();
  }), { passive: true, capture: true, signal });

  // Re-anchor after the page changes the article's text: debounced, but never postponed for longer
  // than MAX_REANCHOR_WAIT_MS by a page that never stops changing. Our own element lives on <html>,
  // outside the observed article, so our work never re-triggers this.
  let reanchor: ReturnType<typeof setTimeout> | undefined;
  let pendingSince = 0;
  const isRelevant = (record: MutationRecord): boolean => {
    const root = articleRoot;
    if (!root || root.contains(record.target) || !root.isConnected) return true;
    return [...record.removedNodes].some((node) => node.contains(root));
  };
  const anchorNow = () => void anchor().catch((error: unknown) => events.onError(error));
  const runReanchor = guard(() => {
    pendingSince = 0;
    anchorNow();
  });
  const observer = new MutationObserver(guard((records: MutationRecord[]) => {
    if (!records.some(isRelevant)) return;
    const now = performance.now();
    pendingSince ||= now;
    clearTimeout(reanchor);
    const wait = Math.min(REANCHOR_DELAY_MS, Math.max(0, pendingSince + MAX_REANCHOR_WAIT_MS - now));
    reanchor = setTimeout(runReanchor, wait);
  }));
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(reanchor);
    clearHighlights();
    clearIntensity();
    shadowStyles.release();
  }, { once: true });
  observer.observe(document.body ?? document.documentElement, OBSERVED);

  anchorNow();

  return {
    notes: () => summaries(anchored),
    configure: guard((next: Display) => {
      display = next;
      show();
    }),
    show(id) {
      const position = anchored.findIndex((item) => item.note.id === id);
      if (position < 0) return false;
      reveal(position);
      return true;
    },
    step(direction) {
      if (anchored.length === 0) return;
      reveal((current + direction + anchored.length) % anchored.length);
    },
  };
}
