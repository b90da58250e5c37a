// The gate's search for the packs a build carries, made from the data the build ships
// (build/gate-data.ts): markers counted one by one (few), or in one pass over the words (many). The
// generated module `virtual:backstory-gate` calls one of these.
import { wordSearch, type ArticleSearch, type GatePack } from './detect.ts';
import { onePassSearch } from './one-pass.ts';

/** `packs` as build/gate-data.ts writes them: "slug radius/100 minHits marker marker…", joined by "|". */
function gatePacks(packs: string): GatePack[] {
  return packs.split('|').filter(Boolean).map((row) => {
    const [slug, radius, minHits, ...markers] = row.split(' ');
    return { slug, radius: Number(radius) * 100, minHits: Number(minHits), markers };
  });
}

export const fewPacksSearch = (packs: string): ArticleSearch => wordSearch(gatePacks(packs));

export const manyPacksSearch = (packs: string): ArticleSearch => onePassSearch(gatePacks(packs));
