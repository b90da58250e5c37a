// The packs as the gate carries them: the module `virtual:backstory-gate` makes the gate's search
// (core/gate-search.ts) from data written into it, about 90 bytes a pack (slug, radius, hits
// needed, markers). Fingerprints are not in the gate: the background injects a pack's when its
// markers are found (content/fingerprints/<slug>.js).
import { usesOnePass } from '../src/core/detect.ts';
import type { DetectionData, GatePackData } from '../src/model/pack.ts';

export const gateData = (packs: readonly DetectionData[]): GatePackData[] => packs.map(({ slug, radius, minHits, markers }) => ({ slug, radius, minHits, markers: markers.join(' ') }));

const GATE_SEARCH = new URL('../src/core/gate-search.ts', import.meta.url).pathname;

/** The source of `virtual:backstory-gate`: `search`, made by the function for this many markers. */
export function gateModule(packs: readonly DetectionData[]): string {
  const make = usesOnePass(packs) ? 'manyPacksSearch' : 'fewPacksSearch';
  // Rows, not objects: each pack saves its keys.
  const rows = JSON.stringify(gateData(packs).map((pack) => [pack.slug, pack.radius, pack.minHits, pack.markers]));
  return `import { ${make} } from ${JSON.stringify(GATE_SEARCH)};\nexport const search = ${make}(${rows}.map(([slug, radius, minHits, markers]) => ({ slug, radius, minHits, markers })));`;
}
