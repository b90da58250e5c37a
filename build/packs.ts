// Annotation packs: a folder packs/<slug>/ with the article's text (article.txt, one paragraph a
// line) and its notes (annotations.json). Loading a pack checks its format version, its notes
// against the article (validateAnnotations) and its shape against pack-schema.json; every problem
// names the pack, the entry and the field.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AnnotationFile } from '../src/model/note.ts';
import { annotationProblems, SLUG } from '../src/core/annotation-problems.ts';
import { AnnotationError } from './validate.ts';

// The rules themselves are pure and shared with the options page's import (src/core/annotation-problems.ts).
export { annotationProblems, PACK_FORMAT_VERSION, PACK_SCHEMA, SLUG } from '../src/core/annotation-problems.ts';
export const ARTICLE_FILE = 'article.txt';
export const ANNOTATIONS_FILE = 'annotations.json';

export interface Pack {
  /** The folder's name: lower-case words joined by hyphens. */
  slug: string;
  dir: string;
  articleText: string;
  file: AnnotationFile;
}

/**
 * Every problem of one or more packs, each starting with `pack "<slug>": `. An AnnotationError, so
 * code that reports annotation problems reports these too.
 */
export class PackError extends AnnotationError {
  constructor(
    readonly slugs: string[],
    problems: string[],
  ) {
    super(problems);
    this.message = `Invalid pack${slugs.length > 1 ? 's' : ''} ${slugs.map((slug) => `"${slug}"`).join(', ')}:\n  - ${problems.join('\n  - ')}`;
    this.name = 'PackError';
  }
}

function readText(path: string, what: string, problems: string[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    problems.push(`${what} is missing (expected ${path})`);
    return undefined;
  }
}

function parseJson(text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push(`${ANNOTATIONS_FILE} is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** A pack's files as they are, before any check of the notes: what `pack import` merges into. */
export interface PackFiles {
  slug: string;
  dir: string;
  articleText: string;
  /** annotations.json, parsed. */
  data: unknown;
}

/** Reads a pack's two files; throws a PackError if the folder, a file or the JSON is missing or broken. */
export function readPackFiles(dir: string): PackFiles {
  const slug = basename(resolve(dir));
  if (!existsSync(dir)) throw new PackError([slug], [`pack "${slug}": there is no folder ${dir}`]);
  const problems: string[] = [];
  if (!SLUG.test(slug)) problems.push(`the folder name must be lower-case words joined by hyphens, like "musk-riyadh-2025"`);
  const articleText = readText(join(dir, ARTICLE_FILE), ARTICLE_FILE, problems);
  const json = readText(join(dir, ANNOTATIONS_FILE), ANNOTATIONS_FILE, problems);
  const data = json === undefined ? undefined : parseJson(json, problems);
  if (articleText !== undefined && articleText.trim() === '') problems.push(`${ARTICLE_FILE} is empty`);
  if (problems.length > 0 || articleText === undefined) throw new PackError([slug], problems.map((problem) => `pack "${slug}": ${problem}`));
  return { slug, dir, articleText, data };
}

export function loadPack(dir: string): Pack {
  const { slug, articleText, data } = readPackFiles(dir);
  const problems = annotationProblems(data, articleText, slug);
  if (problems.length > 0) throw new PackError([slug], problems.map((problem) => `pack "${slug}": ${problem}`));
  return { slug, dir, articleText, file: data as AnnotationFile };
}

/** The pack folders under `root`, sorted by slug. */
export function packDirs(root = 'packs'): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => join(root, name));
}

/** Every pack under `root` (or only those named in `only`); throws one PackError per bad pack, listing all. */
export function loadPacks(root = 'packs', only?: readonly string[]): Pack[] {
  const dirs = packDirs(root);
  const slugs = dirs.map((dir) => basename(dir));
  const unknown = (only ?? []).filter((slug) => !slugs.includes(slug));
  if (unknown.length > 0) throw new PackError(unknown, unknown.map((slug) => `pack "${slug}": there is no folder ${join(root, slug)}`));
  const packs: Pack[] = [];
  const problems: string[] = [];
  const failed: string[] = [];
  for (const dir of dirs) {
    if (only && !only.includes(basename(dir))) continue;
    try {
      packs.push(loadPack(dir));
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      failed.push(...error.slugs);
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new PackError(failed, problems);
  return packs;
}
