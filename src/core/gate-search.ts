// The gate's search for the packs a build carries, made from the data the build ships
// (build/gate-data.ts): markers counted one by one (few), or in one pass over the words (many). The
// generated module `virtual:backstory-gate` calls one of these.
import { wordSearch, type ArticleSearch, type GatePack } from './detect.ts';
import { onePassSearch } from './one-pass.ts';

/** The packs as build/gate-data.ts writes them: "slug radius/100 minHits" and "marker marker…", each joined by "|". */
function gatePacks(packs: string, markers: string): GatePack[] {
  const markerLists = markers.split('|');
  return packs
    .split('|')
    .filter(Boolean)
    .map((row, i) => {
      const [slug, radius, minHits] = row.split(' ');
      return { slug, radius: Number(radius) * 100, minHits: Number(minHits), markers: markerLists[i].split(' ') };
    });
}

export const fewPacksSearch = (packs: string, markers: string): ArticleSearch => wordSearch(gatePacks(packs, markers));

/** The packs are made only when a page shows one of their markers (most pages show none). */
export function manyPacksSearch(packs: string, markers: string): ArticleSearch {
  let made: GatePack[] | undefined;
  return onePassSearch(() => (made ??= gatePacks(packs, markers)), markers);
}
