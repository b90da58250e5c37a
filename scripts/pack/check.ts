// `pack check`: every problem of one pack or all, grouped by note, in words a fact-checker can act on.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ANNOTATIONS_FILE, ARTICLE_FILE, loadPack, PackError, packDirs } from '../../build/packs.ts';
import { compileNotes, matchPage, type MatchableNote, type WordMatch } from '../../src/core/match.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import type { Note } from '../../src/model/note.ts';
import { indexArticle, type ArticleIndex } from './article-index.ts';
import { hintsFor } from './hints.ts';

export interface CheckResult {
  ok: boolean;
  report: string;
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function notesOf(dir: string): Note[] {
  try {
    const data: unknown = JSON.parse(readQuietly(join(dir, ANNOTATIONS_FILE)) ?? '');
    const notes = typeof data === 'object' && data !== null && 'notes' in data ? data.notes : [];
    return Array.isArray(notes) ? (notes as Note[]) : [];
  } catch {
    return [];
  }
}

/** "note "person/elon-musk": alias …" → person/elon-musk */
const noteIdIn = (problem: string) => /^note "([^"]+)"/.exec(problem)?.[1];

function groupTitle(key: string, notes: readonly Note[]): string {
  if (key === 'article') return 'The article’s details (the "article" part of annotations.json)';
  if (key === 'pack') return 'The pack';
  const note = notes.find((candidate) => candidate.id === key);
  return `Note "${key}"${note && typeof note.title === 'string' && note.title.trim() ? ` (${note.title})` : ''}`;
}

function formatProblems(slug: string, problems: string[], index: ArticleIndex | undefined, notes: readonly Note[]): string {
  const groups = new Map<string, string[]>();
  for (const problem of problems) {
    const key = noteIdIn(problem) ?? (/^article\b/.test(problem) ? 'article' : 'pack');
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  const out = [`✗ ${slug}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`];
  for (const [key, list] of groups) {
    out.push('', `  ${groupTitle(key, notes)}:`);
    for (const problem of list) {
      const note = notes.find((candidate) => candidate.id === key);
      out.push(`    • ${problem.replace(/^note "[^"]+": /, '')}`);
      for (const hint of hintsFor(problem, index, note)) out.push(`      ${hint}`);
    }
  }
  return out.join('\n');
}

/** Every match of `notes` in the article, as the extension finds them on a page that is the article. */
function matchesIn(text: string, notes: readonly MatchableNote[]): WordMatch[] {
  const words = tokenize(text);
  const allowed = new Uint8Array(words.hashes.length).fill(1);
  return matchPage({ hashes: words.hashes, allowed, page: { text, starts: words.starts, ends: words.ends } }, compileNotes(notes)).matches;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Names that will paint more than the article's own uses of them: an alias or variant matched (case
 * and punctuation ignored) far more often than it is written so in the article ("May" matching
 * "may"), or one that falls inside another note's name or inside a quote of another note of the
 * same kind (two notes on the same words).
 */
export function aliasWarnings(articleText: string, notes: readonly Note[]): string[] {
  const warnings: string[] = [];
  const all = matchesIn(articleText, notes);
  const words = tokenize(articleText);
  const span = (match: WordMatch) => ({ start: words.starts[match.first], end: words.ends[match.end - 1] });
  for (const note of notes) {
    for (const alias of [...(note.aliases ?? []), ...(note.variants ?? [])]) {
      const alone = matchesIn(articleText, [{ id: note.id, kind: note.kind, aliases: [alias] }]);
      const written = articleText.match(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
      if (alone.length > written && alone.length >= 2 * written) {
        const other = alone.map(span).find(({ start, end }) => articleText.slice(start, end) !== alias);
        const example = other ? `, e.g. "${articleText.slice(other.start, other.end)}"` : '';
        warnings.push(`note "${note.id}": name "${alias}" matches ${alone.length} times in the article but is written so ${written} time${written === 1 ? '' : 's'}${example}; every such match will be highlighted`);
      }
      for (const mention of alone) {
        const host = all.find(
          (match) =>
            match.noteId !== note.id &&
            match.first <= mention.first &&
            match.end >= mention.end &&
            (match.how === 'alias' || notes.find((candidate) => candidate.id === match.noteId)?.kind === note.kind),
        );
        if (!host) continue;
        const { start, end } = span(host);
        warnings.push(`note "${note.id}": name "${alias}" falls inside note "${host.noteId}"'s ${host.how === 'alias' ? 'name' : 'quote'} "${articleText.slice(start, end)}" (line ${articleText.slice(0, start).split('\n').length})`);
        break;
      }
    }
  }
  return warnings;
}

export function checkPack(dir: string): CheckResult {
  const slug = basename(dir);
  try {
    const pack = loadPack(dir);
    const notes = pack.file.notes;
    const kinds = ['person', 'event', 'claim'].map((kind) => `${notes.filter((note) => note.kind === kind).length} ${kind}`).join(', ');
    const warnings = aliasWarnings(readFileSync(join(dir, ARTICLE_FILE), 'utf8'), notes);
    const report = [`✓ ${slug}: ${notes.length} notes (${kinds}), every name and quote found in the article`, ...warnings.map((warning) => `  ⚠ ${warning}`)];
    return { ok: true, report: report.join('\n') };
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    const prefix = `pack "${slug}": `;
    const problems = error.problems.map((problem) => (problem.startsWith(prefix) ? problem.slice(prefix.length) : problem));
    const article = readQuietly(join(dir, ARTICLE_FILE));
    return { ok: false, report: formatProblems(slug, problems, article ? indexArticle(article) : undefined, notesOf(dir)) };
  }
}

/** Checks the named packs, or every pack under `root`. */
export function checkPacks(root: string, only?: readonly string[]): CheckResult {
  const dirs = only && only.length > 0 ? only.map((slug) => join(root, slug)) : packDirs(root);
  if (dirs.length === 0) return { ok: false, report: `There are no packs in ${root}/.` };
  const results = dirs.map(checkPack);
  const bad = results.filter((result) => !result.ok).length;
  const summary = bad === 0 ? `${results.length} pack${results.length === 1 ? '' : 's'} checked: all good.` : `${results.length} pack${results.length === 1 ? '' : 's'} checked: ${bad} with problems.`;
  return { ok: bad === 0, report: [...results.map((result) => result.report), '', summary].join('\n') };
}
