// Detection exactly as the gate does it (core/detect.ts with the build's data), on plain text.
import { packs } from 'virtual:backstory-gate';
import { decodeHashes } from '../../src/core/base64.ts';
import type { GatePack } from '../../src/core/detect.ts';
import { searchFor } from './search.ts';
import { collectMatches, containment } from '../../src/core/shingles.ts';

export const GATE_PACKS: GatePack[] = packs.map((pack) => ({ ...pack, fingerprint: decodeHashes(pack.fingerprint) }));
export const FINGERPRINT = GATE_PACKS[0].fingerprint;

export { searchFor };

export function detects(text: string): boolean {
  return searchFor(GATE_PACKS).look(text) !== undefined;
}

export function share(text: string): number {
  const found = new Set<number>();
  collectMatches(text, FINGERPRINT, found);
  return containment(found, FINGERPRINT);
}
