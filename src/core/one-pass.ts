// The gate's look for many packs' markers: the page's words of four characters or more taken by one
// native regular-expression match, made a set, and intersected with the set of every pack's
// markers, all by the engine. No script loop runs per word or per character, so the cost hardly
// grows with the number of packs and a page read once pays no warm-up of such a loop. Words are
// as written, like the substring search (detect.ts), cut at spaces and the punctuation and symbols
// of Latin, general and CJK text (never at a letter, digit or mark: a unit test checks every code
// point).
import { ArticleSearch, type GatePack, type MarkersFound } from './detect.ts';
import { packFromRow } from './gate-rows.ts';

/** A code-unit class without the `u` flag: the cheapest for the engine to scan with. */
export const SEPARATOR_CLASS = '\\s!-/:-@[-`{-~\\u00A0-\\u00A9\\u00AB-\\u00B1\\u00B4\\u00B6-\\u00B8\\u00BB\\u00BF\\u00D7\\u00F7\\u2000-\\u206F\\u3000-\\u3004\\u3008-\\u3020\\u3030\\u303D-\\u303F';

/** Set.prototype.intersection (Chrome 122, Firefox 127), natively; a loop where it is missing. */
function intersection(markers: ReadonlySet<string>, words: ReadonlySet<string>): Iterable<string> {
  const native = (markers as { intersection?: (other: ReadonlySet<string>) => Set<string> }).intersection;
  return native ? native.call(markers, words) : [...words].filter((word) => markers.has(word));
}

/**
 * `rows` and `markers`: the packs as the build writes them (core/gate-rows.ts). Nothing is made of
 * them until a page is read: the set of all markers then; a pack, and which packs have a marker,
 * only once one of its markers is found.
 */
export function onePassSearch(rows: string, markers: string): ArticleSearch {
  let all: Set<string> | undefined;
  let rowList: string[] | undefined;
  let markerLists: string[] | undefined;
  let spaced: string[] | undefined;
  const made: GatePack[] = [];
  const listsOf = (): string[] => (markerLists ??= markers.split('|'));
  const packAt = (i: number): GatePack => {
    rowList ??= rows.split('|');
    return (made[i] ??= packFromRow(rowList[i], listsOf()[i]));
  };
  /** The packs that have `marker`: a native search in each pack's list, no table built. */
  const ownersOf = (marker: string): GatePack[] => {
    spaced ??= listsOf().map((list) => ` ${list} `);
    const owners: GatePack[] = [];
    spaced.forEach((list, i) => {
      if (list.includes(` ${marker} `)) owners.push(packAt(i));
    });
    return owners;
  };
  // Markers have four letters or more (core/markers.ts).
  const longWords = new RegExp(`[^${SEPARATOR_CLASS}]{4,}`, 'g');
  const markersIn = (text: string): MarkersFound => {
    all ??= new Set(markers.split(/[ |]/));
    const found = new Map<GatePack, string[]>();
    for (const marker of intersection(all, new Set(text.match(longWords)))) {
      for (const pack of ownersOf(marker)) found.set(pack, [...(found.get(pack) ?? []), marker]);
    }
    return found;
  };
  return new ArticleSearch(markersIn);
}
