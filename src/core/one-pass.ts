// The gate's count of many packs' markers: the page's text split into words by one native call and
// each word looked up once among every pack's markers. Per character, the work is the engine's, not
// a script's: the cost hardly grows with the number of packs, and a page read once pays no warm-up
// of a character loop. Words are as written, like the substring search (detect.ts), and cut at
// spaces and the punctuation and symbols of Latin, general and CJK text (never a letter, digit or
// mark: a unit test checks every code point).
import { ArticleSearch, type GatePack, type MarkerCounts } from './detect.ts';

/** Without the `u` flag: a plain code-unit class, the cheapest for the engine to scan with. */
export const SEPARATORS = /[\s!-/:-@[-`{-~\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u00D7\u00F7\u2000-\u206F\u3000-\u3004\u3008-\u3020\u3030\u303D-\u303F]+/;

export function onePassSearch(packs: readonly GatePack[]): ArticleSearch {
  const owners = new Map<string, GatePack[]>();
  for (const pack of packs) {
    for (const marker of pack.markers) {
      const list = owners.get(marker);
      if (!list) owners.set(marker, [pack]);
      else if (!list.includes(pack)) list.push(pack);
    }
  }
  const countIn = (text: string): MarkerCounts => {
    const counts: MarkerCounts = new Map();
    for (const word of text.split(SEPARATORS)) {
      const list = owners.get(word);
      if (list) for (const pack of list) counts.set(pack, (counts.get(pack) ?? 0) + 1);
    }
    return counts;
  };
  return new ArticleSearch(packs, countIn);
}
