// The contract between the gate (every page) and the overlay (injected on the article's page only):
// both are classic scripts in the same isolated world, which the page cannot see into.
import type { PageStatus, ToContent } from '../shared/messages.ts';
import type { InputRelay } from './input-relay.ts';


export interface OverlayEvents {
  /** The article is no longer on the page. */
  onGone(): void;
  /** Something failed; the overlay must be torn down. */
  onError(error: unknown): void;
}

export interface Overlay {
  /** Applies the reader's settings (as stored, parsed here) at once. */
  configure(storedSettings: unknown): void;
  /** Answers the popup and the keyboard commands while the overlay is live. */
  answer(message: ToContent): PageStatus | boolean;
}

export interface OverlayModule {
  /** The pack the overlay was injected with: a page can carry one pack's article, then another's. */
  slug: string;
  startOverlay(relay: InputRelay, signal: AbortSignal, events: OverlayEvents, storedSettings: unknown): Overlay;
}
