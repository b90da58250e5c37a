// Detection exactly as the gate does it (core/detect.ts with the build's data), on plain text.
import { packs } from 'virtual:backstory-gate';
import { decodeHashes } from '../../src/core/base64.ts';
import { ArticleSearch, usesOnePass, type GatePack } from '../../src/core/detect.ts';
import { onePassSearch } from '../../src/core/one-pass.ts';
import { collectMatches, containment } from '../../src/core/shingles.ts';

export const GATE_PACKS: GatePack[] = packs.map((pack) => ({ ...pack, fingerprint: decodeHashes(pack.fingerprint) }));
export const FINGERPRINT = GATE_PACKS[0].fingerprint;

/** The search the gate makes for these packs (the build decides the same way). */
export function searchFor(packs: readonly GatePack[]): ArticleSearch {
  return usesOnePass(packs) ? onePassSearch(packs) : new ArticleSearch(packs);
}

export function detects(text: string): boolean {
  return searchFor(GATE_PACKS).look(text) !== undefined;
}

export function share(text: string): number {
  const found = new Set<number>();
  collectMatches(text, FINGERPRINT, found);
  return containment(found, FINGERPRINT);
}
