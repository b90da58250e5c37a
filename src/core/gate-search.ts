// The gate's search for the packs a build carries, made from the data the build ships
// (build/gate-data.ts): markers as words, searched one by one, or one table of word hashes,
// searched in one pass. The generated module `virtual:backstory-gate` calls one of these.
import type { GatePackData, WordGatePackData } from '../model/pack.ts';
import { wordSearch, type ArticleSearch } from './detect.ts';
import { decodeMarkerTable } from './marker-table.ts';
import { onePassSearch } from './one-pass.ts';

export function wordGateSearch(packs: readonly WordGatePackData[]): ArticleSearch {
  return wordSearch(packs.map(({ slug, radius, minHits, markers }) => ({ slug, radius, minHits, markers })));
}

/** `markerTable`: core/marker-table.ts, encoded; its owners are indices into `packs`. */
export function hashedGateSearch(packs: readonly GatePackData[], markerTable: string): ArticleSearch {
  return onePassSearch(packs.map(({ slug, radius, minHits }) => ({ slug, radius, minHits })), decodeMarkerTable(markerTable));
}
