// Packs a reader imported on the options page (core/pack-file.ts): how they are stored, updated and
// removed, and the second gate that looks for them, registered only while at least one is
// installed, so that a reader who imported none pays nothing for the feature on any page.
import type { ReadPack, Signer } from '../core/pack-file.ts';
import { gateRows } from '../core/gate-rows.ts';
import { usesOnePass } from '../core/detect.ts';
import { isRecord } from '../core/is-record.ts';
import { IMPORTED_GATE_FILE, IMPORTED_GATE_KEY } from './injected-files.ts';

export const IMPORTED_PACKS_KEY = 'importedPacks';
export const IMPORTED_GATE_SCRIPT_ID = 'backstory-imported-gate';

export interface ImportedPack extends ReadPack {
  /** When the reader installed this version (ISO). */
  installed: string;
}

/** What the imported packs' gate reads: the rows of core/gate-rows.ts, and how to search them. */
export interface ImportedGateData {
  rows: string;
  markers: string;
  onePass: boolean;
}

export type InstallOutcome = 'installed' | 'updated' | 'same' | 'older' | 'bundled';

/** The stored packs by slug; anything that is not a stored pack is left out. */
export function parseImportedPacks(stored: unknown): Record<string, ImportedPack> {
  const packs: Record<string, ImportedPack> = {};
  if (!isRecord(stored)) return packs;
  for (const [slug, pack] of Object.entries(stored)) {
    if (isRecord(pack) && pack.slug === slug && typeof pack.bundled === 'string' && isRecord(pack.detection) && isRecord(pack.data)) packs[slug] = pack as unknown as ImportedPack;
  }
  return packs;
}

/**
 * What installing `pack` does to `installed`: a new pack is added, a later bundle of an installed
 * one replaces it; the same or an earlier bundle, or a pack named like one built into Backstory,
 * changes nothing.
 */
export function planInstall(installed: Readonly<Record<string, ImportedPack>>, pack: ReadPack, bundledSlugs: ReadonlySet<string>, now = new Date()): { outcome: InstallOutcome; packs: Record<string, ImportedPack> } {
  if (bundledSlugs.has(pack.slug)) return { outcome: 'bundled', packs: { ...installed } };
  const current = installed[pack.slug];
  if (current && current.bundled === pack.bundled) return { outcome: 'same', packs: { ...installed } };
  if (current && Date.parse(current.bundled) > Date.parse(pack.bundled)) return { outcome: 'older', packs: { ...installed } };
  return { outcome: current ? 'updated' : 'installed', packs: { ...installed, [pack.slug]: { ...pack, installed: now.toISOString() } } };
}

/**
 * Whether `pack` would replace an installed version signed by another key (or not signed at all):
 * the reader is asked first, as for an unsigned pack, since a file from someone else could
 * otherwise replace a newsroom's notes.
 */
export function changesSigner(installed: Readonly<Record<string, ImportedPack>>, pack: ReadPack): boolean {
  const current = installed[pack.slug];
  return current?.signer !== undefined && current.signer.key !== pack.signer?.key;
}

export function withoutPack(installed: Readonly<Record<string, ImportedPack>>, slug: string): Record<string, ImportedPack> {
  return Object.fromEntries(Object.entries(installed).filter(([key]) => key !== slug));
}

/** The gate's data for the installed packs, in name order. */
export function importedGateData(packs: Readonly<Record<string, ImportedPack>>): ImportedGateData {
  const detections = Object.values(packs)
    .map((pack) => pack.detection)
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const [rows, markers] = gateRows(detections);
  return { rows, markers, onePass: usesOnePass(detections) };
}

/** The stored form of `packs`: both keys, written in one `storage.local.set`. */
export const storedImports = (packs: Record<string, ImportedPack>) => ({ [IMPORTED_PACKS_KEY]: packs, [IMPORTED_GATE_KEY]: importedGateData(packs) });

/** The registration of the imported packs' gate: every http(s) page, at document_start, like the bundled gate. */
export const IMPORTED_GATE_SCRIPT = {
  id: IMPORTED_GATE_SCRIPT_ID,
  matches: ['http://*/*', 'https://*/*'],
  // From the extension's root: Firefox (153) resolves a relative path against the calling page
  // (src/options/options.html → src/options/content/…), Chromium against the root.
  js: [`/${IMPORTED_GATE_FILE}`],
  runAt: 'document_start',
  persistAcrossSessions: true,
} as const;

export type { Signer };
