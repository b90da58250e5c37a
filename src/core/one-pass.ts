// The gate's search for many packs: every pack's markers found in one pass of the tokenizer, each
// word's hash looked up in a small filter first and in the marker table only when it passes, at a
// cost that does not grow with the number of packs. Invisible characters are skipped by the
// tokenizer as it goes.
import { ArticleSearch, type GatePack, type MarkerHits } from './detect.ts';
import { forEachOwner, type MarkerTable } from './marker-table.ts';
import { forEachWord, WORD_FILTER_SIZE } from './tokenize.ts';

export function onePassSearch(packs: readonly GatePack[], table: MarkerTable): ArticleSearch {
  const filter = new Uint8Array(WORD_FILTER_SIZE);
  for (const hash of table.hashes) filter[hash % WORD_FILTER_SIZE] = 1;
  const hitsIn = (text: string): MarkerHits => {
    const hits: MarkerHits = new Map();
    const onWord = (hash: number, start: number) =>
      forEachOwner(table, hash, (owner) => {
        const pack = packs[owner];
        const starts = hits.get(pack);
        if (starts) starts.push(start);
        else if (pack) hits.set(pack, [start]);
      });
    forEachWord(text, onWord, 0, text.length, filter);
    return hits;
  };
  return new ArticleSearch(packs, hitsIn, false);
}
