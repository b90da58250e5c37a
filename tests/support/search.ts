// The search the gate makes for a set of packs, from the same data the build gives it
// (build/gate-data.ts), with every pack's fingerprint already known (the gate has them injected).
import { gateData, searchMaker } from '../../build/gate-data.ts';
import { decodeHashes } from '../../src/core/base64.ts';
import type { ArticleSearch } from '../../src/core/detect.ts';
import * as gateSearch from '../../src/core/gate-search.ts';
import type { DetectionData } from '../../src/model/pack.ts';

export function searchFor(packs: readonly DetectionData[]): ArticleSearch {
  const search = gateSearch[searchMaker(packs)](...gateData(packs));
  search.packs.forEach((pack, i) => {
    pack.fingerprint = decodeHashes(packs[i].fingerprint);
  });
  return search;
}
