// The contract between the gate (every page) and the overlay (injected on the article's page only):
// both are classic scripts in the same isolated world, which the page cannot see into.
import type { ArticleMeta, NoteSummary } from '../model/note.ts';


export interface OverlayStatus {
  notes: NoteSummary[];
  interfered: boolean;
  article: ArticleMeta;
}

export interface OverlayEvents {
  /** The notes shown changed, or the page interfered with the highlights. */
  onStatus(status: OverlayStatus): void;
  /** The article is no longer on the page. */
  onGone(): void;
  /** Something failed; the overlay must be torn down. */
  onError(error: unknown): void;
}

export interface Overlay {
  /** Applies the reader's settings (as stored, parsed here) at once. */
  configure(storedSettings: unknown): void;
  /** Opens a note by id, moving focus into it; false when it is not on the page. */
  show(id: string): boolean;
  step(direction: 1 | -1): void;
}

export interface OverlayModule {
  startOverlay(signal: AbortSignal, events: OverlayEvents, storedSettings: unknown): Overlay;
}
