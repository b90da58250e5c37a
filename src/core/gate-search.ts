// The gate's search for the packs a build carries, as the build shipped them (model/pack.ts): their
// markers as words, searched one by one, or as word hashes, searched in one pass.
import type { GatePackData } from '../model/pack.ts';
import { decodeHashes } from './base64.ts';
import { wordSearch, type ArticleSearch } from './detect.ts';
import { onePassSearch } from './one-pass.ts';
import { wordHashes } from './tokenize.ts';

export function wordGateSearch(data: readonly GatePackData[]): ArticleSearch {
  return wordSearch(data.map((pack) => ({ slug: pack.slug, radius: pack.radius, minHits: pack.minHits, markers: 'markers' in pack ? pack.markers : [] })));
}

export function hashedGateSearch(data: readonly GatePackData[]): ArticleSearch {
  return onePassSearch(
    data.map((pack) => ({
      slug: pack.slug,
      radius: pack.radius,
      minHits: pack.minHits,
      markerHashes: 'markers' in pack ? pack.markers.flatMap(wordHashes) : decodeHashes(pack.markerHashes),
    })),
  );
}

/** The search for `data`, whichever way its markers were shipped. */
export function gateSearch(data: readonly GatePackData[]): ArticleSearch {
  return data.every((pack) => 'markers' in pack) ? wordGateSearch(data) : hashedGateSearch(data);
}
