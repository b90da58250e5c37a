// Two packs whose articles overlap. The gate shows every pack whose article it finds on a page, so
// two packs of the same article would paint two sets of highlights over the same words, with two
// notes for one name. The same article twice (one a copy of the other, give or take a few
// paragraphs) is an error of the build and of `pack check`; an overlap large enough for the gate to
// find one pack's article on the other's page (an expanded agency item, a long quotation) is a
// warning: both packs' notes are shown on such a page.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { carriesArticle, shinglesOfWords } from '../src/core/shingles.ts';
import { wordHashes } from '../src/core/tokenize.ts';

/** Share of one article's shingles found in the other above which they are the same article. */
export const SAME_ARTICLE_SHARE = 0.8;

export interface ArticleOverlap {
  /** The pack whose article is (largely) inside the other's. */
  contained: string;
  within: string;
  /** Share of `contained`'s shingles (runs of 5 words) that occur in `within`'s article. */
  share: number;
  same: boolean;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Every pair of packs whose articles overlap enough for the gate to find one on the other's page. */
export function articleOverlaps(packs: ReadonlyArray<{ slug: string; articleText: string }>): ArticleOverlap[] {
  const shingles = packs.map((pack) => new Set(shinglesOfWords(wordHashes(pack.articleText))));
  // Which packs share which shingles, through one index of all shingles: no pair-by-pair comparison.
  const owners = new Map<number, number[]>();
  shingles.forEach((set, i) =>
    set.forEach((shingle) => {
      const list = owners.get(shingle);
      if (list) list.push(i);
      else owners.set(shingle, [i]);
    }),
  );
  const shared = new Map<string, Set<number>>();
  for (const [shingle, list] of owners) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = `${list[a]} ${list[b]}`;
        shared.set(key, (shared.get(key) ?? new Set()).add(shingle));
      }
    }
  }
  const overlaps: ArticleOverlap[] = [];
  for (const [key, found] of shared) {
    const [i, j] = key.split(' ').map(Number);
    // The pack with the larger share of its article in the other is the one contained.
    const [contained, within] = found.size / shingles[i].size >= found.size / shingles[j].size ? [i, j] : [j, i];
    if (!carriesArticle(found, shingles[contained])) continue;
    const share = found.size / shingles[contained].size;
    overlaps.push({ contained: packs[contained].slug, within: packs[within].slug, share, same: share >= SAME_ARTICLE_SHARE });
  }
  return overlaps;
}

export function describeOverlap(overlap: ArticleOverlap): string {
  const shared = `${percent(overlap.share)} of the article of pack "${overlap.contained}" is in the article of pack "${overlap.within}"`;
  return overlap.same
    ? `packs "${overlap.contained}" and "${overlap.within}" carry the same article (${shared}): a page with it would show both packs' notes over the same words. Merge the notes into one pack and remove the other.`
    : `packs "${overlap.contained}" and "${overlap.within}" overlap (${shared}): a page carrying either article shows the notes of both.`;
}

/** The article of each pack folder under `root` (folders without article.txt are left to the pack checks). */
export function readArticles(dirs: readonly string[]): { slug: string; articleText: string }[] {
  return dirs.flatMap((dir) => {
    try {
      return [{ slug: basename(dir), articleText: readFileSync(join(dir, 'article.txt'), 'utf8') }];
    } catch {
      return [];
    }
  });
}
