// The gate's search for the packs a build carries, made from the data the build ships
// (build/gate-data.ts): markers counted one by one (few), or in one pass over the words (many). The
// generated module `virtual:backstory-gate` calls one of these.
import type { GatePackData } from '../model/pack.ts';
import { wordSearch, type ArticleSearch, type GatePack } from './detect.ts';
import { onePassSearch } from './one-pass.ts';

const gatePack = ({ slug, radius, minHits, markers }: GatePackData): GatePack => ({ slug, radius, minHits, markers: markers.split(' ') });

export const fewPacksSearch = (packs: readonly GatePackData[]): ArticleSearch => wordSearch(packs.map(gatePack));

export const manyPacksSearch = (packs: readonly GatePackData[]): ArticleSearch => onePassSearch(packs.map(gatePack));
