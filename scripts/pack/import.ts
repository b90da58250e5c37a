// `pack import`: reads a W3C collection or a Hypothesis export, anchors it in a pack's article and
// merges the notes into the pack: a note with the id of an existing one replaces it, others are added.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationProblems, ANNOTATIONS_FILE, PACK_FORMAT_VERSION, type Pack } from '../../build/packs.ts';
import type { AnnotationFile, Note } from '../../src/model/note.ts';
import { indexArticle } from './article-index.ts';
import type { Incoming } from './incoming.ts';
import { isHypothesisExport, readHypothesis } from './read-hypothesis.ts';
import { readW3c } from './read-w3c.ts';
import { reanchor, type Reanchored } from './reanchor.ts';

export type ImportFormat = 'w3c' | 'hypothesis';

export function readIncoming(data: unknown, today = new Date().toISOString().slice(0, 10)): { format: ImportFormat; incoming: Incoming[] } {
  if (isHypothesisExport(data)) return { format: 'hypothesis', incoming: readHypothesis(data, today) };
  return { format: 'w3c', incoming: readW3c(data, today) };
}

/** Where the file says it belongs: a Backstory collection id, or the article address it annotates. */
export function packHint(data: unknown): { slug?: string; urls: string[] } {
  const urls = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, key));
    if (typeof value === 'object' && value !== null) return Object.entries(value).forEach(([k, v]) => visit(v, k));
    if ((key === 'uri' || key === 'source') && typeof value === 'string' && /^https?:/.test(value)) urls.add(value);
  };
  visit(data);
  const id = typeof data === 'object' && data !== null && 'id' in data ? String(data.id) : '';
  return { slug: /^urn:backstory:([a-z0-9-]+)$/.exec(id)?.[1], urls: [...urls] };
}

/** Normalised for comparison: no scheme, no "www.", no trailing slash, no query or fragment. */
export const sameArticle = (a: string, b: string) => {
  const norm = (url: string) => url.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
};

export function choosePack(data: unknown, packs: readonly Pack[]): Pack | undefined {
  const { slug, urls } = packHint(data);
  return packs.find((pack) => pack.slug === slug) ?? packs.find((pack) => urls.some((url) => sameArticle(url, pack.file.article.url)));
}

export interface ImportResult extends Reanchored {
  format: ImportFormat;
  file: AnnotationFile & { version: number };
  added: string[];
  replaced: string[];
  /** Problems of the merged file; when there are any, nothing is written. */
  problems: string[];
}

export function importInto(pack: Pack, data: unknown, options: { replace?: boolean; today?: string } = {}): ImportResult {
  const { format, incoming } = readIncoming(data, options.today);
  const anchored = reanchor(indexArticle(pack.articleText), incoming);
  const kept: Note[] = options.replace ? [] : [...pack.file.notes];
  const added: string[] = [];
  const replaced: string[] = [];
  for (const note of anchored.notes) {
    const at = kept.findIndex((existing) => existing.id === note.id);
    if (at >= 0) {
      kept[at] = note;
      replaced.push(note.id);
    } else {
      kept.push(note);
      added.push(note.id);
    }
  }
  const file = { version: PACK_FORMAT_VERSION, article: pack.file.article, notes: kept };
  return { format, ...anchored, file, added, replaced, problems: annotationProblems(file, pack.articleText) };
}

export function writePackFile(dir: string, file: unknown): void {
  writeFileSync(join(dir, ANNOTATIONS_FILE), `${JSON.stringify(file, null, 2)}\n`);
}
