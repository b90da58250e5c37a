// The files the background injects into a tab whose gate found a pack's article (built by
// build/content-scripts.ts), and the isolated-world properties through which they meet the gate.

export const OVERLAY_FILE = 'content/overlay.js';
export const HIGHLIGHTS_FILE = 'content/highlights.css';
export const HIGHLIGHT_FILLS_FILE = 'content/highlight-fills.css';
export const packFile = (slug: string): string => `content/packs/${slug}.js`;

/** Own property of the isolated world's global that the overlay script sets. */
export const OVERLAY_GLOBAL = 'backstoryOverlay';
/** Own property that a pack's notes file sets before the overlay runs. */
export const PACK_GLOBAL = 'backstoryPack';

/** An object injected into this world's global: an own property only, so a page element named like it (`<div id=…>`) is not one. */
export function ownGlobal(name: string): Record<string, unknown> | undefined {
  const value: unknown = Object.getOwnPropertyDescriptor(globalThis, name)?.value;
  return Object(value) === value ? (value as Record<string, unknown>) : undefined;
}

/** The second gate, for imported packs: registered by the background only while one is installed. */
export const IMPORTED_GATE_FILE = 'content/imported-gate.js';
/** Storage key of the imported packs' gate rows (core/gate-rows.ts), all the second gate reads. */
export const IMPORTED_GATE_KEY = 'importedGate';
