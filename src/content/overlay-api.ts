// The contract between the gate (every page) and the overlay (injected on the article's page only):
// both are classic scripts in the same isolated world, which the page cannot see into.
import type { NoteSummary } from '../model/note.ts';

/** Own property of the isolated world's global that the overlay script sets. */
export const OVERLAY_GLOBAL = 'backstoryOverlay';
/** Own property that a pack's notes file sets before the overlay runs. */
export const PACK_GLOBAL = 'backstoryPack';

/** The files the background injects on the article's page (built by build/content-scripts.ts). */
export const OVERLAY_FILE = 'content/overlay.js';
export const HIGHLIGHTS_FILE = 'content/highlights.css';
export const packFile = (slug: string): string => `content/packs/${slug}.js`;

export interface OverlayStatus {
  notes: NoteSummary[];
  interfered: boolean;
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
