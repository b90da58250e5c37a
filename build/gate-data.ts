// The packs as the gate carries them. The module `virtual:backstory-gate` (build/content-scripts.ts)
// makes the gate's search (core/gate-search.ts) from two strings written into it: "slug radius
// minHits" for each pack (the radius in hundreds of characters, rounded up) and its markers,
// "marker marker…", each list joined by "|": the slug, the markers and a few bytes a pack.
// Fingerprints are not in the gate: the background keeps them and judges the text around a pack's
// markers (background.ts).
import { usesOnePass } from '../src/core/detect.ts';
import { gateRows } from '../src/core/gate-rows.ts';
import type { DetectionData } from '../src/model/pack.ts';

export const gateData = (packs: readonly DetectionData[]): [packs: string, markers: string] => gateRows(packs);

/** Which function of core/gate-search.ts makes the gate's search for these packs. */
export const searchMaker = (packs: readonly DetectionData[]): 'manyPacksSearch' | 'fewPacksSearch' => (usesOnePass(packs) ? 'manyPacksSearch' : 'fewPacksSearch');
