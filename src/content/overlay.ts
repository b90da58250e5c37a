// Everything Backstory does on a page that carries an article, composed from one module per job:
// anchoring and re-anchoring, painting, hover, touch, scroll, stepping, and the highlight guard.
// All of it is torn down by the AbortSignal it is started with.
import type { NoteSummary } from '../model/note.ts';
import type { PackData } from '../model/pack.ts';
import { displayOf, parseSettings, type Display } from '../shared/settings.ts';
import { createAnchorer, type Anchored, type Anchoring, type TextAnchorer } from './anchor.ts';
import { guardHighlights } from './highlight-guard.ts';
import { OwnHighlights } from './highlight-registry.ts';
import { watchHover } from './hover.ts';
import type { InputRelay } from './input-relay.ts';
import type { Overlay, OverlayEvents } from './overlay-api.ts';
import { composedAncestors, makeGuard, type OverlayState } from './overlay-state.ts';
import { Popover, type BlockedReason } from './popover.ts';
import { watchArticle } from './reanchor.ts';
import { closeOnScrollAway } from './scroll-dismiss.ts';
import { after } from './timers.ts';
import { vouchInSlices, type Vouched, type Withheld } from './vouch.ts';
import { showNote, step } from './stepping.ts';
import { watchTouch } from './touch.ts';

/** What the overlay needs from the extension: the notes' places in the page's text, a source opened in a tab, the count on the badge. */
export interface ExtensionSide {
  anchorText: TextAnchorer;
  openSource(url: string): void;
  reportCount(count: number): void;
  /** The page kept a note or the highlights from the reader: the badge says so. */
  reportBlocked(): void;
  /** Inserts the highlight styles (once): settles when they are in. */
  loadStyles(): Promise<unknown>;
}

export function startOverlay(pack: PackData, relay: InputRelay, signal: AbortSignal, events: OverlayEvents, display: Display, extension: ExtensionSide, doc: Document = document): Overlay {
  const guard = makeGuard(signal, events.onError);
  const state: OverlayState = {
    doc,
    relay,
    pack,
    popover: new Popover(doc, relay, signal, extension.openSource, (reason) => blocked(reason), () => {
      state.interfered = true;
    }),
    highlights: new OwnHighlights(),
    index: { text: '', nodes: [], starts: [], shadowRoots: [] },
    all: [],
    withheld: [],
    shown: [],
    display,
    current: -1,
    interfered: false,
    blocked: false,
  };
  let blockedReason: BlockedReason | 'highlights' | undefined;
  function blocked(reason: BlockedReason | 'highlights'): void {
    state.blocked = true;
    blockedReason ??= reason;
    extension.reportBlocked();
  }
  let reported = 0;
  const report = () => {
    if (state.shown.length === reported) return;
    reported = state.shown.length;
    extension.reportCount(summaries(state.shown).length);
  };
  signal.addEventListener('abort', () => {
    state.highlights.clear();
    if (reported > 0) extension.reportCount(0);
  }, { once: true });

  function paint(): void {
    state.popover.hide();
    state.current = -1;
    const shown = visibleUnder(state.display, state.all);
    // Nothing is registered before the styles are in (they are asked for only when there is something to show).
    if (shown.length > 0 && !stylesIn) {
      loadStyles().then(guard(paint)).catch(events.onError);
      return;
    }
    state.shown = shown;
    state.highlights.paint(state.shown, state.display.intensity);
    report();
  }

  const anchorer = createAnchorer(pack.notes, extension.anchorText);

  /** The vouching in progress: a newer anchoring supersedes it. */
  let vouching: AbortController | undefined;
  /** The highlight styles' insertion, asked for once a place of a kind the reader shows passes the check; painting waits for it. */
  let styled: Promise<unknown> | undefined;
  let stylesIn = false;
  // The styles go in only once there is something to paint: a page where the gate found the article in
  // text that anchoring skips (an SVG's own <text>, <textarea>…) or that the reader cannot see, or
  // only notes of kinds the reader turned off, gets none. They are asked for at the first such place
  // that passes, not after the check, so that they travel meanwhile.
  const loadStyles = () =>
    (styled ??= extension.loadStyles().then(() => {
      stylesIn = true;
    }));
  /** The last anchoring, vouched for again every RECHECK_MS: a page can restyle without changing text. */
  let lastFound: Anchoring | undefined;

  /** Paints what the reader sees as the article wrote it; with `onlyChanges`, only when that changed. */
  function vouchAndPaint(found: Anchoring, onlyChanges: boolean): void {
    vouching?.abort();
    const run = new AbortController();
    vouching = run;
    const passed = (item: Anchored) => void (state.display.kinds[item.kind] && loadStyles());
    vouchInSlices(found, anchorer.anchorIndex, AbortSignal.any([signal, run.signal]), passed)
      .then(guard((vouched: Vouched | undefined) => {
        if (!vouched || run.signal.aborted) return;
        vouching = undefined;
        const { anchoring: { index, anchored: all }, withheld } = vouched;
        if (onlyChanges && sameVouching(state, all, withheld)) return;
        Object.assign(state, { index, all, withheld });
        paint();
      }))
      .catch((error: unknown) => void (run.signal.aborted || events.onError(error)));
  }

  function anchored(found: Anchoring): void {
    vouching?.abort();
    if (found.anchored.length === 0) {
      lastFound = undefined;
      state.withheld = [];
      state.popover.hide();
      state.highlights.clear();
      events.onGone();
      return;
    }
    lastFound = found;
    // Set before vouching, so that changes elsewhere on the page do not restart it. The article's
    // root spans withheld places too: a change there may make them shown.
    state.articleRoot = commonAncestor(doc, found.anchored);
    vouchAndPaint(found, false);
  }

  // Checked again as rendered when the page may have changed what the reader sees without changing
  // its text (attributes, style sheets), when the reader acts, and every RECHECK_IDLE_MS while the
  // tab is visible; never more often than every RECHECK_MIN_MS.
  let lastCheck = performance.now();
  let cancelRecheck = () => {};
  /** A re-check prompted by a change is on its way: later changes do not push it back (a page that keeps changing would hold it off). */
  let recheckComing = false;
  const recheck = guard(() => {
    recheckComing = false;
    cancelRecheck();
    if (lastFound && !vouching && doc.visibilityState === 'visible') {
      // An article taken off the page, or a place whose words left it (its live Range collapsed), is
      // for re-anchoring, which ends the overlay when the article has gone: not a note withheld as
      // hidden on an empty page.
      if (!state.articleRoot?.isConnected || lastFound.anchored.some(({ range }) => range.collapsed)) reanchoring.now();
      else vouchAndPaint(lastFound, true);
    }
    lastCheck = performance.now();
    if (doc.visibilityState === 'visible') cancelRecheck = after(RECHECK_IDLE_MS, recheck);
  });
  const recheckSoon = () => {
    if (recheckComing) return;
    recheckComing = true;
    cancelRecheck();
    cancelRecheck = after(Math.max(RECHECK_SETTLE_MS, lastCheck + RECHECK_MIN_MS - performance.now()), recheck);
  };
  signal.addEventListener('abort', () => cancelRecheck(), { once: true });
  const restyled = new MutationObserver(recheckSoon);
  restyled.observe(doc.documentElement, { attributes: true, subtree: true, attributeFilter: ['class', 'style', 'hidden', 'id', 'lang', 'dir'] });
  if (doc.head) restyled.observe(doc.head, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => restyled.disconnect(), { once: true });
  for (const type of ['scroll', 'pointermove', 'pointerup', 'keydown'] as const) relay.on(type, recheckSoon, signal);
  doc.addEventListener('visibilitychange', recheckSoon, { signal });
  cancelRecheck = after(RECHECK_IDLE_MS, recheck);

  // Highlights on nodes the page took away paint nothing: dropped at once, not once the background answers.
  const removed = guard(() => {
    vouching?.abort();
    state.popover.hide();
    state.highlights.clear();
  });
  const reanchoring = watchArticle(state, anchorer, guard(anchored), removed, events.onError, guard, signal);
  watchHover(state, guard, signal);
  watchTouch(state, guard, signal);
  closeOnScrollAway(state, guard, signal);
  let paintedRoot = doc.documentElement;
  const detached = () => {
    // A page that swaps <html> for a copy takes every highlight at once: said, and anchored again.
    // (Ranges left behind by an edit inside the article are the text watcher's: it re-anchors.)
    if (doc.documentElement === paintedRoot) return;
    paintedRoot = doc.documentElement;
    state.interfered = true;
    reanchoring.now();
  };
  guardHighlights(state, { onInterference: report, onDetached: detached, onBlocked: () => blocked('highlights') }, guard, signal);
  reanchoring.now();

  return {
    configure: guard((stored: unknown) => {
      state.display = displayOf(parseSettings(stored));
      paint();
    }),
    answer(message) {
      switch (message.type) {
        case 'get-status':
          return {
            state: 'found',
            host: location.hostname,
            notes: summaries(state.shown),
            interfered: state.interfered,
            withheld: state.withheld,
            ...(blockedReason ? { blocked: blockedReason } : {}),
            article: pack.article,
            pack: pack.slug,
            editions: pack.notes.map(({ id, kind, title, version, updated, changeNote, withdrawn }) => ({ id, kind, title, version, updated, changeNote, withdrawn })),
          };
        case 'show-note':
          return showNote(state, message.id);
        case 'step-note':
          step(state, message.direction);
          return true;
      }
    },
  };
}

/**
 * When the painted and withheld places are checked again as rendered. A page can change what the
 * reader sees (a class, a style sheet, CSSOM) without a text change, which re-anchors; the check
 * costs 2–4 ms on the demo article once warm (docs/decisions.md). Every 15 s on a still page
 * (about 0.02 % of the main thread), and within a second of a change or of the reader's input.
 */
const RECHECK_IDLE_MS = 15_000;
const RECHECK_MIN_MS = 1000;
const RECHECK_SETTLE_MS = 150;

function sameVouching(state: OverlayState, all: readonly Anchored[], withheld: readonly Withheld[]): boolean {
  const places = (items: readonly Anchored[]) => items.map((item) => `${item.note.id} ${item.start} ${item.end}`).join('|');
  const reasons = (items: readonly Withheld[]) => items.map((item) => `${item.id} ${item.reason}`).join('|');
  return places(state.all) === places(all) && reasons(state.withheld) === reasons(withheld);
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

/** The lowest node holding every anchored note, across shadow roots (a root's parent is its host). */
function commonAncestor(doc: Document, anchored: readonly Anchored[]): Node {
  const first = new Set(composedAncestors(anchored[0].range.commonAncestorContainer));
  const last = anchored[anchored.length - 1].range.commonAncestorContainer;
  return composedAncestors(last).find((node) => first.has(node)) ?? doc.documentElement;
}
