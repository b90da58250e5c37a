// The packs as the gate carries them (model/pack.ts): markers as words while few enough to search
// one by one, otherwise as word hashes (4 bytes each, whatever the word), so that the content script
// grows by about 70 bytes a pack. Fingerprints are not in the gate: the background injects a pack's
// when its markers are found (content/fingerprints/<slug>.js).
import { encodeHashes } from '../src/core/base64.ts';
import { usesOnePass } from '../src/core/detect.ts';
import { wordHashes } from '../src/core/tokenize.ts';
import type { DetectionData, GatePackData } from '../src/model/pack.ts';

export function gateData(packs: readonly DetectionData[]): GatePackData[] {
  const hashed = usesOnePass(packs);
  return packs.map(({ slug, radius, minHits, markers }) =>
    hashed ? { slug, radius, minHits, markerHashes: encodeHashes(Uint32Array.from(markers.flatMap(wordHashes))) } : { slug, radius, minHits, markers },
  );
}

/** The source of `virtual:backstory-gate`, for the content script's bundle. */
export const gateModule = (packs: readonly DetectionData[]): string => `export const packs = ${JSON.stringify(gateData(packs))};`;
