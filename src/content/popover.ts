// The popover that shows notes: a <backstory-popover> element on <html> (never in <body>) with an
// open shadow root, so page styles cannot reach it. Positioned with Floating UI next to the Range.
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { Note } from '../model/note.ts';
import { t } from '../shared/i18n.ts';
import { renderNote } from './note-card.ts';
import popoverCss from './popover.css?inline';

/** The contract: a custom element name beginning with `backstory-`. */
const POPOVER_TAG = 'backstory-popover';

/**
 * Inline !important beats any page rule, including `html > * { display: none !important }`. Spacing
 * is left alone so that readers' own text-spacing styles still apply (axe: avoid-inline-spacing).
 */
const HOST_STYLE = [
  'display: block !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'position: static !important',
  'transform: none !important',
  'filter: none !important',
  'clip-path: none !important',
].join('; ');

export interface PopoverOptions {
  /** Move focus into the popover (opened from the keyboard or the popup). */
  focus: boolean;
}

export class Popover {
  private host?: HTMLElement;
  private card?: HTMLElement;
  private stopPositioning?: () => void;
  private returnFocusTo?: Element | null;
  anchor?: Range;

  constructor(signal: AbortSignal) {
    signal.addEventListener('abort', () => this.remove(), { once: true });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen()) {
        event.stopPropagation();
        this.hide();
      }
    }, { capture: true, signal });
  }

  isOpen(): boolean {
    return this.anchor !== undefined;
  }

  /** Whether keyboard focus is inside the popover (opened by keyboard, or tabbed into). */
  hasFocus(): boolean {
    return this.host !== undefined && document.activeElement === this.host;
  }

  /** Whether an event happened inside the popover. */
  contains(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  show(notes: readonly Note[], anchor: Range, options: PopoverOptions): void {
    const card = this.ensureCard();
    this.stopPositioning?.();
    this.returnFocusTo = options.focus ? document.activeElement : undefined;
    this.anchor = anchor;
    const content = notes.map((note, i) => renderNote(note, `backstory-title-${i}`));
    const close = document.createElement('button');
    close.className = 'close';
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', t('closeNote'));
    close.addEventListener('click', () => this.hide());
    card.replaceChildren(close, ...content);
    const hasLinks = notes.some((note) => note.sources.length > 0);
    card.setAttribute('role', hasLinks ? 'dialog' : 'tooltip');
    card.setAttribute('aria-labelledby', 'backstory-title-0');
    card.hidden = false;
    if (typeof card.showPopover === 'function' && !card.matches(':popover-open')) card.showPopover();
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    this.stopPositioning = autoUpdate(reference, card, () => {
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          // When neither side has room (small screens), slide over the text rather than off screen.
          shift({ padding: 8, crossAxis: true }),
          size({ padding: 8, apply: () => card.style.setProperty('max-height', `${Math.max(120, innerHeight - 16)}px`) }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      });
    });
    if (options.focus) card.focus();
  }

  hide(): void {
    if (!this.card || !this.anchor) return;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    this.anchor = undefined;
    if (typeof this.card.hidePopover === 'function' && this.card.matches(':popover-open')) this.card.hidePopover();
    this.card.hidden = true;
    const returnTo = this.returnFocusTo;
    this.returnFocusTo = undefined;
    if (returnTo instanceof HTMLElement || returnTo instanceof SVGElement) returnTo.focus();
  }

  private ensureCard(): HTMLElement {
    if (this.card && this.host?.isConnected) return this.card;
    const host = document.createElement(POPOVER_TAG);
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = popoverCss;
    const card = document.createElement('div');
    card.className = 'card';
    card.tabIndex = -1;
    card.hidden = true;
    card.setAttribute('popover', 'manual');
    root.append(style, card);
    document.documentElement.append(host);
    this.host = host;
    this.card = card;
    return card;
  }

  private remove(): void {
    this.stopPositioning?.();
    this.host?.remove();
    this.host = undefined;
    this.card = undefined;
    this.anchor = undefined;
  }
}
