// The popover that shows notes. Its host is a `backstory-<random>` element on <html> (never in
// <body>) with a CLOSED shadow root: the page can neither read nor rewrite a note. The name is new
// on every page load; a page that defines it as its own element cannot open the root or hide the
// note from assistive technology (HOST_ATTRIBUTES), and a removed host is put back. Positioned with
// Floating UI.
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Note } from '../model/note.ts';
import { isHttpsUrl, type BlockedKind } from '../shared/messages.ts';
import { t } from '../shared/i18n.ts';
import type { InputRelay } from './input-relay.ts';
import { renderNote, toggleDetails } from './note-card.ts';
import { after } from './timers.ts';
import popoverCss from './popover.css?inline';

/**
 * `all: initial !important` first, so that no page rule (`pointer-events: none`,
 * `-webkit-text-fill-color: transparent`, `display: none !important`, filters, transforms) reaches
 * the host or is inherited by the card; inline `!important` outranks every page style sheet.
 * Spacing is left alone so that readers' own text-spacing styles still apply (axe: avoid-inline-spacing).
 */
const hostStyle = (zoom: number) =>
  [
    'all: initial !important',
    'display: block !important',
    'visibility: visible !important',
    'opacity: 1 !important',
    'position: static !important',
    'pointer-events: auto !important',
    // `all` leaves `zoom` alone, and the host inherits the root's: undone, so the card is full size.
    `zoom: ${zoom} !important`,
  ].join('; ');

/**
 * The host's only attributes. `role` and `aria-hidden`, given as attributes, win over any default a
 * page could set through ElementInternals after defining the host's name as its own custom element
 * (which upgrades it without changing an attribute): the note stays in the accessibility tree.
 */
const hostAttributes = (zoom: number): ReadonlyArray<readonly [string, string]> => [
  ['style', hostStyle(zoom)],
  ['role', 'none'],
  ['aria-hidden', 'false'],
];

function setHostAttributes(host: HTMLElement, zoom: number): void {
  for (const name of host.getAttributeNames()) host.removeAttribute(name);
  for (const [name, value] of hostAttributes(zoom)) host.setAttribute(name, value);
}

/** The zoom the root gives its children (CSS `zoom`; 1 where the page sets none). */
function rootZoom(doc: Document): number {
  const zoom = Number.parseFloat(getComputedStyle(doc.documentElement).zoom);
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}

/** Why a note could not be shown: the popup and the badge say so, out of the page's reach. */
export type BlockedReason = Exclude<BlockedKind, 'highlights'>;

export interface PopoverOptions {
  /** Move focus into the popover (opened from the keyboard or the popup). */
  focus: boolean;
  /** What the card was opened for (the first note's own range), when the reference spans more. */
  key?: Range;
}

/** How many times one open note's host is put back after the page removed it. */
const MAX_RESTORES = 10;

function randomTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `backstory-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

interface Parts {
  host: HTMLElement;
  root: ShadowRoot;
  card: HTMLElement;
}

/** The card's height at most, as a share of the view's; the space between card and words; the margin to the view's edges. */
const MAX_HEIGHT = 0.45;
const GAP = 6;
const EDGE = 8;

/** How many times, per open note, the card is raised again after something covered it. */
const MAX_RAISES = 20;
/** A card smaller than this (CSS px, either side) is not one a reader can read. */
const MIN_CARD_PX = 40;
/** How often an open card is checked while nothing else prompts it. */
const OPEN_CHECK_MS = 1000;

export class Popover {
  private parts?: Parts;
  private stopPositioning?: () => void;
  private returnFocusTo?: Element | null;
  private shown?: { range: Range; key: Range; notes: readonly Note[]; byKeyboard: boolean };
  private readonly keeper: MutationObserver;
  private readonly tamperWatch: MutationObserver;
  private restores = 0;
  private raises = 0;
  private zoom = 1;
  private cancelCheck = () => {};

  /**
   * Input comes through the relay, whose listeners run before any of the page's: Escape, and clicks
   * on the card's links and close button, cannot be swallowed by the page. `openSource` gets a
   * source's URL, taken from the bundled notes, when its link is activated.
   */
  constructor(
    private readonly doc: Document,
    relay: InputRelay,
    signal: AbortSignal,
    private readonly openSource: (url: string) => void,
    private readonly onBlocked: (reason: BlockedReason) => void,
    private readonly onTampered: () => void,
  ) {
    signal.addEventListener('abort', () => this.remove(), { once: true });
    signal.addEventListener('abort', () => this.cancelCheck(), { once: true });
    // Whatever a page does to cover or shrink the card comes with, or after, one of these.
    for (const type of ['scroll', 'pointermove', 'pointerup'] as const) relay.on(type, () => this.verify(), signal);
    addEventListener('resize', () => this.verify(), { signal, passive: true });
    relay.on('keydown', (event: KeyboardEvent) => {
      if (event.isTrusted && event.key === 'Escape' && this.isOpen()) {
        event.stopImmediatePropagation();
        this.hide();
      }
    }, signal);
    relay.on('click', (event: MouseEvent) => this.click(event), signal);
    // A popover or dialog the page opens while a note is shown goes above the card in the top layer,
    // where the covering check cannot always see it (hit-testing skips `pointer-events: none`): the
    // card is raised again. The card's own toggles reach window retargeted to the host.
    relay.on('toggle', (event: ToggleEvent) => {
      const parts = this.parts;
      if (parts && this.shown && event.isTrusted && event.newState === 'open' && event.target !== parts.host) this.raiseAgain(parts.card);
    }, signal);
    // A page that removes the open note's host, or rewrites its attributes (style, hidden, inert),
    // gets it back as it was, a few times per note.
    this.keeper = new MutationObserver(() => {
      const parts = this.parts;
      if (!parts || !this.shown) return;
      const { host, card } = parts;
      const expected = hostAttributes(this.zoom);
      const restyled = host.attributes.length !== expected.length || expected.some(([name, value]) => host.getAttribute(name) !== value);
      // Moved anywhere else (into a hidden element, an iframe) counts as taken away.
      const moved = host.parentNode !== this.doc.documentElement;
      if (!restyled && !moved) return;
      if (this.restores-- <= 0) return this.block('removed');
      if (restyled) setHostAttributes(host, this.zoom);
      if (moved) this.doc.documentElement.append(host);
      this.raise(card);
    });
    signal.addEventListener('abort', () => this.keeper.disconnect(), { once: true });
    // The root is closed, but a page can still reach into it (Firefox hands `window.find()`'s
    // selection inside it to the page): a change Backstory did not make puts the note back as written.
    this.tamperWatch = new MutationObserver((records) => {
      const foreign = records.some((record) => !(record.type === 'attributes' && record.target === this.parts?.card && record.attributeName === 'style'));
      if (!foreign || !this.parts || !this.shown) return;
      if (this.restores-- <= 0) return this.block('rewritten');
      this.own(() => {
        this.render(this.shown?.notes ?? []);
        if (this.parts) this.parts.card.hidden = false;
      });
      this.onTampered();
    });
    signal.addEventListener('abort', () => this.tamperWatch.disconnect(), { once: true });
  }

  /** A click on the card, seen first at window level: the page's listeners never get it. */
  private click(event: MouseEvent): void {
    const parts = this.parts;
    if (!parts || !this.shown || !event.isTrusted || !event.composedPath().includes(parts.host)) return;
    event.stopImmediatePropagation();
    // A keyboard "click" (Enter on a focused link) has no position: it is the focused element's.
    const target = event.detail === 0 ? parts.root.activeElement : parts.root.elementFromPoint(event.clientX, event.clientY);
    if (target?.closest('button.close')) return this.hide();
    const more = target?.closest<HTMLElement>('button.more');
    if (more) return this.own(() => toggleDetails(more));
    const link = target?.closest('a');
    if (!link) return;
    event.preventDefault();
    const source = this.shown.notes.flatMap((note) => note.sources).find((candidate) => sameUrl(candidate.url, link.href));
    if (source && isHttpsUrl(source.url)) this.openSource(source.url);
  }

  /**
   * Is the open card what the reader sees? Full size (the root's zoom undone), not inert, and on
   * top at nine points spread over it, jittered so that a page cannot leave holes where Backstory
   * looks. Covered: raised again, a few times; past that, or inert, or still tiny: closed and
   * reported. Checked on showing, on scroll, resize and pointer input, and once a second while open
   * and visible: never in a frame loop.
   */
  private verify(): void {
    const parts = this.parts;
    if (!parts || !this.shown) return;
    const { host, card } = parts;
    const zoom = rootZoom(this.doc);
    if (Math.abs(zoom * this.zoom - 1) > 0.001) {
      this.zoom = 1 / zoom;
      setHostAttributes(host, this.zoom);
    }
    if (host.closest('[inert]') || this.doc.documentElement.inert) return this.block('inert');
    // A view transition draws an image of the page instead of the page, which can leave the top
    // layer out (Chromium): ended, and counted like a cover.
    const transition = (this.doc as Document & { activeViewTransition?: { skipTransition(): void } | null }).activeViewTransition;
    if (transition) {
      transition.skipTransition();
      return this.raiseAgain(card);
    }
    const rect = card.getBoundingClientRect();
    if (rect.width < MIN_CARD_PX || rect.height < MIN_CARD_PX) return this.block('too-small');
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 3; column++) {
        const x = rect.left + rect.width * (column + 0.15 + Math.random() * 0.7) / 3;
        const y = rect.top + rect.height * (row + 0.15 + Math.random() * 0.7) / 3;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        if (this.doc.elementFromPoint(x, y) !== host) return this.raiseAgain(card);
      }
    }
  }

  /** verify() now and once a second while the note is open and the tab visible. */
  private watchOpenCard(): void {
    this.cancelCheck();
    const tick = () => {
      if (!this.shown) return;
      this.verify();
      this.cancelCheck = this.doc.visibilityState === 'visible' ? after(OPEN_CHECK_MS, tick) : () => {};
    };
    tick();
  }

  /** The page kept the card from the reader: close it and say so where the page cannot reach. */
  private block(reason: BlockedReason): void {
    this.hide();
    this.onBlocked(reason);
  }

  /** The Range the open popover points at (a private live Range; the page only sees copies). */
  get range(): Range | undefined {
    return this.shown?.range;
  }

  /** The anchored range the open card was opened for. */
  get key(): Range | undefined {
    return this.shown?.key;
  }

  isOpen(): boolean {
    return this.shown !== undefined;
  }

  /** Whether the open note was opened from the keyboard or the popup (not by hover or a tap). */
  openedByKeyboard(): boolean {
    return this.shown?.byKeyboard ?? false;
  }

  /** Whether keyboard focus is inside the popover (opened by keyboard, or tabbed into). */
  hasFocus(): boolean {
    return this.parts !== undefined && this.doc.activeElement === this.parts.host;
  }

  /** Whether an event happened inside the popover. */
  contains(event: Event): boolean {
    return this.parts !== undefined && event.composedPath().includes(this.parts.host);
  }

  show(notes: readonly Note[], range: Range, options: PopoverOptions): void {
    const { card } = this.ensureParts();
    this.stopPositioning?.();
    // Stepping from note to note (or hovering another) with focus in the card keeps where it came from.
    if (!(this.shown && this.hasFocus())) this.returnFocusTo = options.focus ? this.doc.activeElement : undefined;
    this.shown = { range, key: options.key ?? range, notes, byKeyboard: options.focus };
    this.own(() => {
      this.render(notes);
      card.hidden = false;
      this.raise(card);
    });
    this.restores = MAX_RESTORES;
    this.raises = MAX_RAISES;
    this.keeper.observe(this.doc.documentElement, { childList: true, subtree: true });
    this.keeper.observe(this.parts?.host ?? card, { attributes: true });
    this.stopPositioning = this.position(range, card);
    if (options.focus) card.focus();
  }

  /** The card's content: a close button and each note, as the bundled notes have them. */
  private render(notes: readonly Note[]): void {
    if (!this.parts) return;
    const { root, card } = this.parts;
    // The root holds the style sheet and the card, as made: anything else the page put there goes.
    const [first, second] = root.childNodes;
    if (root.childNodes.length !== 2 || second !== card || !(first instanceof HTMLStyleElement) || first.textContent !== popoverCss || first.attributes.length > 0) {
      const style = this.doc.createElement('style');
      style.textContent = popoverCss;
      root.replaceChildren(style, card);
    }
    card.replaceChildren(this.closeButton(), ...notes.map((note, i) => renderNote(note, { title: `backstory-title-${i}`, details: `backstory-details-${i}` })));
    card.setAttribute('role', notes.some((note) => note.sources.length > 0) ? 'dialog' : 'tooltip');
    card.setAttribute('aria-labelledby', 'backstory-title-0');
  }

  /** Changes Backstory makes inside its root, kept from the tamper watch. */
  private own(change: () => void): void {
    change();
    this.tamperWatch.takeRecords();
  }

  hide(): void {
    if (!this.parts || !this.shown) return;
    const { card } = this.parts;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    this.shown = undefined;
    this.cancelCheck();
    this.keeper.disconnect();
    this.own(() => {
      if (card.matches(':popover-open')) card.hidePopover();
      card.hidden = true;
    });
    const returnTo = this.returnFocusTo;
    this.returnFocusTo = undefined;
    if (returnTo instanceof HTMLElement || returnTo instanceof SVGElement) returnTo.focus();
  }

  /** Raised again over something the page put above it, at most MAX_RAISES times per note. */
  private raiseAgain(card: HTMLElement): void {
    if (this.raises-- > 0) this.raise(card);
    else this.block('covered');
  }

  /** Into the top layer again on every show, above any popover or dialog the page opened since. */
  private raise(card: HTMLElement): void {
    if (!card.isConnected) return;
    if (card.matches(':popover-open')) card.hidePopover();
    card.showPopover();
  }

  private closeButton(): HTMLButtonElement {
    const close = this.doc.createElement('button');
    close.className = 'close';
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', t('closeNote'));
    return close;
  }

  /**
   * Below the note's words, or above them when there is more room there; never over them: the
   * reference is the bounding box of all the range's lines, and the card is cut to the room on its
   * side (at most MAX_HEIGHT of the view) and scrolls inside instead. Shifted sideways only.
   */
  private position(range: Range, card: HTMLElement): () => void {
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    let placed = false;
    return autoUpdate(reference, card, () => {
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(GAP),
          flip({ padding: EDGE, fallbackStrategy: 'bestFit', crossAxis: false }),
          shift({ padding: EDGE }),
          size({
            padding: EDGE,
            apply: ({ availableHeight }) => card.style.setProperty('max-height', `${Math.floor(Math.max(0, Math.min(innerHeight * MAX_HEIGHT, availableHeight)))}px`),
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        if (!placed) this.watchOpenCard();
        placed = true;
      });
    });
  }

  /** The host and card, made again when the page removed the host or it was never made. */
  private ensureParts(): Parts {
    if (this.parts?.host.isConnected && this.parts.host.parentNode === this.doc.documentElement) return this.parts;
    this.remove();
    const host = this.doc.createElement(randomTag());
    this.zoom = 1 / rootZoom(this.doc);
    setHostAttributes(host, this.zoom);
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = popoverCss;
    const card = this.doc.createElement('div');
    card.className = 'card';
    card.tabIndex = -1;
    card.hidden = true;
    card.setAttribute('popover', 'manual');
    // Links open what the bundled notes say (see click()); the browser's own navigation never runs.
    root.addEventListener('click', (event) => event.preventDefault());
    root.append(style, card);
    this.tamperWatch.observe(root, { childList: true, characterData: true, attributes: true, subtree: true });
    this.doc.documentElement.append(host);
    this.parts = { host, root, card };
    return this.parts;
  }

  private remove(): void {
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    this.parts?.host.remove();
    this.parts = undefined;
    this.shown = undefined;
  }
}
