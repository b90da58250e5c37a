// The gate's search for many packs: every pack's markers found in one pass of the tokenizer (word
// hashes looked up in a small table first), at a cost that does not grow with the number of packs.
// Invisible characters are skipped by the tokenizer as it goes.
import { ArticleSearch, type GatePack, type MarkerHits } from './detect.ts';
import { forEachWord } from './tokenize.ts';

/** Bits of a word hash used for the first, table lookup. */
const TABLE_BITS = 16;
const MASK = (1 << TABLE_BITS) - 1;

export function onePassSearch(packs: ReadonlyArray<GatePack & { markerHashes: Iterable<number> }>): ArticleSearch {
  const byHash = new Map<number, GatePack[]>();
  const table = new Uint8Array(1 << TABLE_BITS);
  for (const pack of packs) {
    for (const hash of pack.markerHashes) {
      const owners = byHash.get(hash) ?? [];
      if (!owners.includes(pack)) owners.push(pack);
      byHash.set(hash, owners);
      table[hash & MASK] = 1;
    }
  }
  const hitsIn = (text: string): MarkerHits => {
    const hits: MarkerHits = new Map();
    forEachWord(text, (hash, start) => {
      if (table[hash & MASK] === 0) return;
      for (const pack of byHash.get(hash) ?? []) {
        const starts = hits.get(pack);
        if (starts) starts.push(start);
        else hits.set(pack, [start]);
      }
    });
    return hits;
  };
  return new ArticleSearch(packs, hitsIn, false);
}
