// Every problem of an annotation file, in the words `npm run pack -- check`, the build and the
// options page's import all use: its format version, its "pack" name, the notes against the article
// (validate-annotations.ts) and its shape against pack-schema.json. Pure: no file system, no browser.
import schema from '../model/pack-schema.json' with { type: 'json' };
import { checkSchema, UNKNOWN_FIELD, type JsonSchema, type SchemaProblem } from './json-schema.ts';
import { wordHashes } from './tokenize.ts';
import { AnnotationError, validateAnnotationsOfWords } from './validate-annotations.ts';

/** The annotations.json format this code reads and writes. Files without `version` are version 1. */
export const PACK_FORMAT_VERSION = 1;
export const PACK_SCHEMA: JsonSchema = schema;
/** A pack's name: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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
 * Problems of an annotation file against its article (its text, or its word hashes), without the
 * pack prefix; empty when valid. With `slug`, the folder's name, a `"pack"` field must be that name.
 */
export function annotationProblems(data: unknown, article: string | readonly number[], slug?: string): string[] {
  const problems: string[] = [];
  checkVersion(data, problems);
  checkPackName(data, slug, problems);
  try {
    validateAnnotationsOfWords(data, typeof article === 'string' ? wordHashes(article) : article);
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
