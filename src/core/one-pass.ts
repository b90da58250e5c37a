// The gate's search for many packs: every pack's markers found in one pass of the tokenizer (word
// hashes looked up in a small table first), at a cost that does not grow with the number of packs.
// Invisible characters are skipped by the tokenizer as it goes.
import { ArticleSearch, cut, type Candidate, type GatePack } from './detect.ts';
import { mergeWindows } from './markers.ts';
import { forEachWord, wordHashes } from './tokenize.ts';

/** Bits of a word hash used for the first, table lookup. */
const TABLE_BITS = 16;
const MASK = (1 << TABLE_BITS) - 1;

export function onePassSearch(packs: readonly GatePack[]): ArticleSearch {
  const byHash = new Map<number, GatePack[]>();
  const table = new Uint8Array(1 << TABLE_BITS);
  for (const pack of packs) {
    for (const marker of pack.markers) {
      const [hash] = wordHashes(marker);
      byHash.set(hash, [...(byHash.get(hash) ?? []), pack]);
      table[hash & MASK] = 1;
    }
  }
  const near = (text: string): Candidate[] => {
    const hits = new Map<GatePack, number[]>();
    forEachWord(text, (hash, start) => {
      if (table[hash & MASK] === 0) return;
      for (const pack of byHash.get(hash) ?? []) hits.set(pack, [...(hits.get(pack) ?? []), start]);
    });
    return [...hits].flatMap(([pack, starts]) => cut(text, pack, mergeWindows(starts, pack.radius, text.length)));
  };
  return new ArticleSearch(packs, near);
}
