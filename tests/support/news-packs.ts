// Annotation packs made from the corpus's real news articles (issue 13's 100 test packs): each
// article becomes a pack with a handful of generated notes on names it repeats. Written to a folder
// so that the real build (build/annotation-plugin.ts) validates and compiles them like any pack.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack, type BuiltPack } from '../../build/annotation-plugin.ts';
import { look } from '../../src/core/judge.ts';
import { searchFor } from './search.ts';
import type { AnnotationFile, Note } from '../../src/model/note.ts';
import { newsArticles, type NewsArticle } from './corpus.ts';

const REAL_PACK = new URL('../../packs/musk-riyadh-2025', import.meta.url).pathname;

/** Capitalised words the article repeats (at least twice), not at a sentence start: names, mostly. */
function namesIn(text: string): string[] {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/(?<![.!?]\s|^)\b([A-Z][a-z]{4,})\b/gm)) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  return [...counts].filter(([, count]) => count >= 2).sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

function annotations(article: NewsArticle, slug: string): AnnotationFile {
  const host = new URL(article.url).hostname;
  const notes: Note[] = namesIn(article.articleBody)
    .slice(0, 3)
    .map((name) => ({
      id: `person/${name.toLowerCase()}`,
      kind: 'person',
      title: name,
      summary: `A name this test article repeats, with a generated note.`,
      body: `This note was generated for a test pack built from a real news article in the corpus. It marks each mention of ${name} so that tests can check that the right words are highlighted and that this pack's notes are the ones loaded on the page. [1]`,
      asOf: '2020-01-01',
      version: 1,
      updated: '2020-01-01',
      aliases: [name],
      sources: [{ title: `The original article on ${host}`, url: article.url.replace(/^http:/, 'https:') }],
    }));
  return {
    pack: slug,
    article: { title: `Test article ${slug}`, publisher: host, published: '2020-01-01', url: article.url.replace(/^http:/, 'https:'), about: 'A real news article from the test corpus, used as a test pack.', sources: [{ title: host, url: article.url.replace(/^http:/, 'https:') }] },
    notes,
  } as AnnotationFile;
}

/** Two posts of one site can share most of their text: such near-duplicates are not distinct articles. */
function overlapsAny(built: BuiltPack, article: NewsArticle, chosen: readonly NewsPack[]): boolean {
  if (look(searchFor(chosen.map((pack) => pack.built.detection)), article.articleBody)) return true;
  const search = searchFor([built.detection]);
  return chosen.some((pack) => {
    search.forget();
    return look(search, pack.article.articleBody) !== undefined;
  });
}

export interface NewsPack {
  built: BuiltPack;
  article: NewsArticle;
}

/**
 * Writes up to `count` packs made from news articles into `dir` (articles whose text is too short or
 * too plain to get a pack's markers, or with no repeated name, are passed over), plus the real pack
 * when `withRealPack`. Returns the news packs, compiled by the build's own code.
 */
export function writeNewsPacks(dir: string, count: number, { withRealPack = true } = {}): NewsPack[] {
  mkdirSync(dir, { recursive: true });
  if (withRealPack) cpSync(REAL_PACK, join(dir, 'musk-riyadh-2025'), { recursive: true });
  const packs: NewsPack[] = [];
  for (const [i, article] of newsArticles().entries()) {
    if (packs.length >= count) break;
    const slug = `news-${String(i).padStart(3, '0')}`;
    const file = annotations(article, slug);
    if (file.notes.length === 0 || article.articleBody.split(/\s+/).length < 150) continue;
    const packDir = join(dir, slug);
    mkdirSync(packDir, { recursive: true });
    writeFileSync(join(packDir, 'article.txt'), article.articleBody);
    writeFileSync(join(packDir, 'annotations.json'), JSON.stringify(file, null, 2));
    try {
      const built = buildPack(packDir);
      if (!overlapsAny(built, article, packs)) {
        packs.push({ built, article });
        continue;
      }
    } catch {
      // Too short or too plain for markers: not a pack.
    }
    rmSync(packDir, { recursive: true, force: true });
  }
  return packs;
}
