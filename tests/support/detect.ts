// Detection exactly as the gate does it (core/detect.ts with the build's data), on plain text.
import { packs } from 'virtual:backstory-detection';
import { decodeHashes } from '../../src/core/base64.ts';
import { look } from '../../src/core/judge.ts';
import { collectMatches, containment } from '../../src/core/shingles.ts';
import type { DetectionData } from '../../src/model/pack.ts';
import { searchFor } from './search.ts';

export const DETECTION_PACKS: readonly DetectionData[] = packs;
export const FINGERPRINT = decodeHashes(packs[0].fingerprint);

export { searchFor };

export function detects(text: string): boolean {
  return look(searchFor(DETECTION_PACKS), text) !== undefined;
}

export function share(text: string): number {
  const found = new Set<number>();
  collectMatches(text, [{ fingerprint: FINGERPRINT, found }]);
  return containment(found, FINGERPRINT);
}
