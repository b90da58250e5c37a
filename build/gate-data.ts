// The packs as the gate carries them: the module `virtual:backstory-gate` makes the gate's search
// (core/gate-search.ts) from data written into it. Markers as words while few enough to search one
// by one; otherwise every pack's markers as one table of word hashes (6 bytes a marker), so that
// the content script grows by about 60 bytes a pack. Fingerprints are not in the gate: the
// background injects a pack's when its markers are found (content/fingerprints/<slug>.js).
import { encodeMarkerTable, markerTable } from '../src/core/marker-table.ts';
import { usesOnePass } from '../src/core/detect.ts';
import { wordHashes } from '../src/core/tokenize.ts';
import type { DetectionData, GatePackData, WordGatePackData } from '../src/model/pack.ts';

export type GateData = { packs: WordGatePackData[] } | { packs: GatePackData[]; markerTable: string };

export function gateData(packs: readonly DetectionData[]): GateData {
  if (!usesOnePass(packs)) return { packs: packs.map(({ slug, radius, minHits, markers }) => ({ slug, radius, minHits, markers })) };
  return {
    packs: packs.map(({ slug, radius, minHits }) => ({ slug, radius, minHits })),
    markerTable: encodeMarkerTable(markerTable(packs.map((pack) => pack.markers.flatMap(wordHashes)))),
  };
}

const GATE_SEARCH = new URL('../src/core/gate-search.ts', import.meta.url).pathname;

/** The source of `virtual:backstory-gate`: `search`, made from the data by the function that reads it. */
export function gateModule(packs: readonly DetectionData[]): string {
  const data = gateData(packs);
  if (!('markerTable' in data)) return `import { wordGateSearch } from ${JSON.stringify(GATE_SEARCH)};\nexport const search = wordGateSearch(${JSON.stringify(data.packs)});`;
  // Rows, not objects: each pack saves its keys.
  const rows = JSON.stringify(data.packs.map((pack) => [pack.slug, pack.radius, pack.minHits]));
  return `import { hashedGateSearch } from ${JSON.stringify(GATE_SEARCH)};\nexport const search = hashedGateSearch(${rows}.map(([slug, radius, minHits]) => ({ slug, radius, minHits })), ${JSON.stringify(data.markerTable)});`;
}
