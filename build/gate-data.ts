// The packs as the gate carries them: the module `virtual:backstory-gate` makes the gate's search
// (core/gate-search.ts) from two strings written into it: "slug radius minHits" for each pack (the
// radius in hundreds of characters, rounded up) and its markers, "marker marker…", each list joined
// by "|". The slug, the markers and a few bytes a pack. Fingerprints are not in
// the gate: the background injects a pack's when its markers are found
// (content/fingerprints/<slug>.js).
import { usesOnePass } from '../src/core/detect.ts';
import type { DetectionData } from '../src/model/pack.ts';

export function gateData(packs: readonly DetectionData[]): [packs: string, markers: string] {
  return [packs.map(({ slug, radius, minHits }) => `${slug} ${Math.ceil(radius / 100)} ${minHits}`).join('|'), packs.map(({ markers }) => markers.join(' ')).join('|')];
}

/** Which function of core/gate-search.ts makes the gate's search for these packs. */
export const searchMaker = (packs: readonly DetectionData[]): 'manyPacksSearch' | 'fewPacksSearch' => (usesOnePass(packs) ? 'manyPacksSearch' : 'fewPacksSearch');

/** The source of `virtual:backstory-gate`: `search`, made by the function for this many markers. */
export function gateModule(packs: readonly DetectionData[]): string {
  const make = searchMaker(packs);
  const from = new URL('../src/core/gate-search.ts', import.meta.url).pathname;
  return `import { ${make} } from ${JSON.stringify(from)};\nexport const search = ${make}(...${JSON.stringify(gateData(packs))});`;
}
