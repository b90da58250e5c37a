// `pack import`: reads a W3C collection or a Hypothesis export, anchors it in a pack's article and
// merges the notes into the pack: a note with the id of an existing one replaces it, others are added.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationProblems, ANNOTATIONS_FILE, PACK_FORMAT_VERSION, type PackFiles } from '../../build/packs.ts';
import type { Note } from '../../src/model/note.ts';
import { articleDetailsIn, fillArticleDetails } from './article-details.ts';
import { indexArticle } from './article-index.ts';
import { isRecord, type Incoming } from './incoming.ts';
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

const articleUrl = (pack: PackFiles) => (isRecord(pack.data) && isRecord(pack.data.article) ? String(pack.data.article.url ?? '') : '');

export function choosePack(data: unknown, packs: readonly PackFiles[]): PackFiles | undefined {
  const { slug, urls } = packHint(data);
  return packs.find((pack) => pack.slug === slug) ?? packs.find((pack) => urls.some((url) => sameArticle(url, articleUrl(pack))));
}

/** annotations.json as the import writes it: the pack's own fields kept, the notes merged. */
export interface ImportedFile {
  version: number;
  pack?: unknown;
  article: unknown;
  notes: Note[];
  [field: string]: unknown;
}

export interface ImportResult extends Reanchored {
  format: ImportFormat;
  file: ImportedFile;
  added: string[];
  replaced: string[];
  /** Problems the import would bring into the pack; when there are any, nothing is written. */
  introduced: string[];
  /** Problems the pack had already and still has (its metadata not filled in yet, say). */
  remaining: string[];
  /** The article's details filled from the file because the pack had them empty: `title "…"`, `address https://…`. */
  filledDetails: string[];
}

export function importInto(pack: PackFiles, data: unknown, options: { replace?: boolean; today?: string } = {}): ImportResult {
  const { format, incoming } = readIncoming(data, options.today);
  const anchored = reanchor(indexArticle(pack.articleText), incoming);
  const existing = isRecord(pack.data) ? pack.data : {};
  const kept: Note[] = options.replace || !Array.isArray(existing.notes) ? [] : [...(existing.notes as Note[])];
  const added: string[] = [];
  const replaced: string[] = [];
  for (const note of anchored.notes) {
    const at = kept.findIndex((other) => other.id === note.id);
    if (at >= 0) {
      kept[at] = note;
      replaced.push(note.id);
    } else {
      kept.push(note);
      added.push(note.id);
    }
  }
  // Every field of the pack's file is kept, in its place ("pack", "$schema", the article's details);
  // only the version is set and the notes merged.
  const file: ImportedFile = { version: PACK_FORMAT_VERSION, ...existing, article: existing.article, notes: kept };
  file.version = PACK_FORMAT_VERSION;
  // The note an export marks as the article's provenance story fills article.provenanceNote when the
  // pack has none yet (a pack made with `pack new`); a pack's own choice is never overwritten.
  if (anchored.provenanceNote && isRecord(existing.article) && existing.article.provenanceNote === undefined) {
    file.article = { ...existing.article, provenanceNote: anchored.provenanceNote };
  }
  // A new pack's empty title and address come from the file (the collection's label, its targets' source).
  const details = fillArticleDetails(file.article, articleDetailsIn(data));
  file.article = details.article;
  const before = new Set(annotationProblems(pack.data, pack.articleText, pack.slug));
  const after = annotationProblems(file, pack.articleText, pack.slug);
  return {
    format,
    ...anchored,
    file,
    added,
    replaced,
    introduced: after.filter((problem) => !before.has(problem)),
    remaining: after.filter((problem) => before.has(problem)),
    filledDetails: details.filled,
  };
}

export function writePackFile(dir: string, file: unknown): void {
  writeFileSync(join(dir, ANNOTATIONS_FILE), `${JSON.stringify(file, null, 2)}\n`);
}
