// Annotation packs: a folder packs/<slug>/ with the article's text (article.txt, one paragraph a
// line) and its notes (annotations.json). Loading a pack checks its format version, its notes
// against the article (validateAnnotations) and its shape against pack-schema.json; every problem
// names the pack, the entry and the field.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AnnotationFile } from '../src/model/note.ts';
import { checkSchema, UNKNOWN_FIELD, type JsonSchema, type SchemaProblem } from './json-schema.ts';
import { AnnotationError, validateAnnotations } from './validate.ts';

/** The annotations.json format this code reads and writes. Files without `version` are version 1. */
export const PACK_FORMAT_VERSION = 1;
export const ARTICLE_FILE = 'article.txt';
export const ANNOTATIONS_FILE = 'annotations.json';
export const PACK_SCHEMA: JsonSchema = JSON.parse(readFileSync(new URL('./pack-schema.json', import.meta.url), 'utf8'));

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

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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

/** Schema paths in the validator's words: ["notes", 3, "alias"] → note "event/kremlin": field "alias". */
function describePath(data: unknown, path: SchemaProblem['path']): string {
  const part = (key: string | number, last: boolean) => (typeof key === 'number' ? `#${key + 1}` : last ? `field "${key}"` : key);
  const parts = (keys: SchemaProblem['path']) => keys.map((key, i) => part(key, i === keys.length - 1)).join(' ');
  const [top, index, ...rest] = path;
  if (top === 'notes' && typeof index === 'number') {
    const id = (data as { notes: { id?: unknown }[] }).notes[index]?.id;
    const where = typeof id === 'string' ? `note "${id}"` : `note #${index + 1}`;
    return rest.length > 0 ? `${where}: ${parts(rest)}` : where;
  }
  if (top === 'article' && rest.length === 0 && index !== undefined) return `article: ${parts([index])}`;
  return path.length > 0 ? parts(path) : 'the file';
}

function checkVersion(data: unknown, problems: string[]): void {
  if (typeof data !== 'object' || data === null || !('version' in data)) return;
  const { version } = data as { version: unknown };
  if (version !== PACK_FORMAT_VERSION) problems.push(`version: ${JSON.stringify(version)} is not a format this Backstory reads (it reads version ${PACK_FORMAT_VERSION})`);
}

/** `"pack"`, when the file names itself, is the folder's name (a copied folder keeps the old name). */
function checkPackName(data: unknown, slug: string | undefined, problems: string[]): void {
  if (slug === undefined || typeof data !== 'object' || data === null || !('pack' in data)) return;
  const { pack } = data as { pack: unknown };
  if (typeof pack === 'string' && pack !== slug) problems.push(`pack: "${pack}" is not the name of the pack's folder, "${slug}"`);
}

/**
 * Problems of an annotation file against its article, without the pack prefix; empty when valid.
 * With `slug`, the folder's name, a `"pack"` field must be that name.
 */
export function annotationProblems(data: unknown, articleText: string, slug?: string): string[] {
  const problems: string[] = [];
  checkVersion(data, problems);
  checkPackName(data, slug, problems);
  try {
    validateAnnotations(data, articleText);
  } catch (error) {
    if (!(error instanceof AnnotationError)) throw error;
    problems.push(...error.problems);
  }
  // The schema's other checks (one-line titles, id spelling) only once the validator is content, so
  // that a missing field is reported once, in the validator's words; unknown fields always.
  for (const problem of checkSchema(PACK_SCHEMA, data)) {
    if (problems.length === 0 || problem.message === UNKNOWN_FIELD) problems.push(`${describePath(data, problem.path)}${problem.message === UNKNOWN_FIELD ? ' ' : ': '}${problem.message}`);
  }
  return problems;
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
