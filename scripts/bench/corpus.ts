// The shared corpus (../shared/corpus) and the article, read in place. Copied from
// tests/support (corpus.ts, article.ts) so that the benchmark does not move when tests do.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const CORPUS_DIR = join(process.cwd(), '../shared/corpus');
export const corpusAvailable = () => existsSync(join(CORPUS_DIR, 'pages')) && existsSync(join(CORPUS_DIR, 'news'));

export interface CorpusPage {
  name: string;
  html: string;
}

export function corpusPages(): CorpusPage[] {
  const pages = join(CORPUS_DIR, 'pages');
  const news = join(CORPUS_DIR, 'news');
  return [
    ...readdirSync(pages)
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => ({ name: `pages/${file}`, html: readFileSync(join(pages, file), 'utf8') })),
    ...readdirSync(news)
      .filter((file) => file.endsWith('.html.gz'))
      .sort()
      .map((file) => ({ name: `news/${file}`, html: gunzipSync(readFileSync(join(news, file))).toString('utf8') })),
  ];
}

/** The one pack's directory (packs/<id>/ with article.txt and annotations.json). */
export function packDir(): string {
  const root = join(process.cwd(), 'packs');
  const id = readdirSync(root).find((entry) => existsSync(join(root, entry, 'article.txt')));
  if (!id) throw new Error('no pack with an article.txt under packs/');
  return join(root, id);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article as paragraphs, with names wrapped in links and bold as many sites do. */
export function articleHtml(): string {
  const paragraphs = readFileSync(join(packDir(), 'article.txt'), 'utf8').trim().split('\n');
  return paragraphs
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n')
    .replace(/Elon Musk/g, '<a href="/people/musk">Elon Musk</a>')
    .replace(/Sergey Lavrov/g, '<strong>Sergey Lavrov</strong>')
    .replace(/Marco Rubio/g, '<a href="/people/rubio"><b>Marco</b> Rubio</a>');
}

/** The article's people and event names (aliases and variants), for mark.js. */
export function articleNames(): string[] {
  const { notes } = JSON.parse(readFileSync(join(packDir(), 'annotations.json'), 'utf8')) as { notes: Array<{ kind: string; aliases?: string[]; variants?: string[] }> };
  const names = notes.filter((note) => note.kind === 'person' || note.kind === 'event').flatMap((note) => [...(note.aliases ?? []), ...(note.variants ?? [])]);
  return [...new Set(names)];
}

/** Puts the article into a real page's template (the tests' helper). */
export { placeInto } from '../../tests/support/corpus.ts';

export const servable = (html: string) => html.replace(/<base\b[^>]*>/gi, '');

/** For the in-page table only: no page scripts, so the DOM stays still between repetitions. */
export function inert(html: string): string {
  return servable(html)
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/(<iframe\b[^>]*?)\ssrc\s*=\s*("[^"]*"|'[^']*')/gi, '$1');
}
