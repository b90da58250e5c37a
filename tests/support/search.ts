// The search the gate makes for a set of packs (the build decides the same way: build/content-scripts.ts).
import { ArticleSearch, usesOnePass, type GatePack } from '../../src/core/detect.ts';
import { onePassSearch } from '../../src/core/one-pass.ts';

export function searchFor(packs: readonly GatePack[]): ArticleSearch {
  return usesOnePass(packs) ? onePassSearch(packs) : new ArticleSearch(packs);
}
