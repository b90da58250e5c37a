// `pack new`: a pack folder from a plain-text article. The metadata starts empty and there are no
// notes yet, so `pack check` lists exactly what is left to fill in; a pack ships only once it has
// its metadata and at least one note.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_FILE, PACK_FORMAT_VERSION, SLUG } from '../../build/packs.ts';
import { writePackFile } from './import.ts';

/**
 * One paragraph a line. Paragraphs separated by blank lines may be wrapped over several lines; a
 * file without blank lines has one paragraph a line already.
 */
export function articleFromPlainText(raw: string): string {
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(text.trim()) ? text.split(/\n[ \t]*\n/).map((block) => block.replace(/\n/g, ' ')) : text.split('\n');
  const paragraphs = blocks.map((block) => block.replace(/[ \t]+/g, ' ').trim()).filter(Boolean);
  return paragraphs.length > 0 ? `${paragraphs.join('\n')}\n` : '';
}

export const emptyPackFile = (slug: string) => ({
  version: PACK_FORMAT_VERSION,
  pack: slug,
  article: { title: '', publisher: '', published: '', url: '', about: '', sources: [] },
  notes: [],
});

/** Creates packs/<slug>/ and returns its path; refuses a bad slug, an existing folder or an empty article. */
export function scaffoldPack(root: string, slug: string, articleRaw: string): string {
  if (!SLUG.test(slug)) throw new Error(`"${slug}" cannot be a pack name: use lower-case letters, digits and hyphens, like "musk-riyadh-2025"`);
  const dir = join(root, slug);
  if (existsSync(dir)) throw new Error(`${dir} already exists; choose another name or edit that pack`);
  const article = articleFromPlainText(articleRaw);
  if (article === '') throw new Error('the article file has no text');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ARTICLE_FILE), article);
  writePackFile(dir, emptyPackFile(slug));
  return dir;
}
