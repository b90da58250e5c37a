// The gate's search for the packs a build carries, made from the data the build ships
// (build/gate-data.ts, core/gate-rows.ts): markers looked for one by one (few), or in one pass over
// the words (many). The generated module `virtual:backstory-gate` calls one of these.
import { wordSearch, type ArticleSearch } from './detect.ts';
import { packsFromRows } from './gate-rows.ts';
import { onePassSearch } from './one-pass.ts';

export const fewPacksSearch = (rows: string, markers: string): ArticleSearch => wordSearch(packsFromRows(rows, markers));

export const manyPacksSearch = (rows: string, markers: string): ArticleSearch => onePassSearch(rows, markers);
