// Checks the annotation file against the article text (or its words, as a pack file carries them).
// Every problem is reported with the entry it belongs to, so a bad entry fails the build instead of
// shipping a half-working extension. Pure: the build, `npm run pack` and the options page's import
// of a pack file (core/pack-file.ts) run the same rules and report the same messages.
import { compileNotes, findMatches } from './match.ts';
import { wordHashes } from './tokenize.ts';
import { citationTriggers, citedIndices, needsCitation, sentences, withoutMarkers } from '../model/citations.ts';
import { CHANGE_NOTE_MAX, NOTE_KINDS, PARTISAN_KINDS, SUMMARY_MAX, type AnnotationFile, type Note, type Source } from '../model/note.ts';
import { isRecord } from './is-record.ts';

export class AnnotationError extends Error {
  constructor(
    readonly problems: string[],
    readonly pack = 'unnamed pack',
  ) {
    super(`Invalid annotation file of pack "${pack}":\n  - ${problems.join('\n  - ')}`);
    this.name = 'AnnotationError';
  }
}

type Raw = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function checkHttpsUrl(url: unknown, where: string, problems: string[]): void {
  if (!isText(url)) return void problems.push(`${where}: url is missing`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return void problems.push(`${where}: url "${url}" is not a well-formed URL`);
  }
  if (parsed.protocol !== 'https:') problems.push(`${where}: url "${url}" is not https`);
}

function checkSources(sources: unknown, where: string, problems: string[]): void {
  if (!Array.isArray(sources) || sources.length === 0) return void problems.push(`${where}: needs at least one source`);
  sources.forEach((source: unknown, i) => {
    const at = `${where}: source ${i + 1}`;
    if (!isRecord(source)) return void problems.push(`${at} is not an object`);
    if (!isText(source.title)) problems.push(`${at}: title is missing`);
    checkHttpsUrl(source.url, at, problems);
    if (source.kind !== undefined && !PARTISAN_KINDS.includes(source.kind as Source['kind'] & string)) {
      problems.push(`${at}: kind must be one of ${PARTISAN_KINDS.join(', ')}`);
    }
    if (source.kind !== undefined && !isText(source.outlet)) problems.push(`${at}: a ${String(source.kind)} source needs the outlet's name`);
  });
}

const isPartisan = (source: Source | undefined) => source?.kind !== undefined;

/** The whole sentence as a reader sees it (never cut: the reader must find it in the note). */
const quoted = (sentence: string) => withoutMarkers(sentence).trim();

/**
 * Claim-level citations: every sentence of the summary and body that states a figure, a date or a
 * quote cites a source by index; every index is in range; a state-media or partisan source is never
 * the only support of a sentence unless the sentence names that outlet (it reports what the outlet
 * said); and every source of the note is cited somewhere.
 */
function checkCitations(note: Raw, where: string, problems: string[]): void {
  if (!Array.isArray(note.sources)) return;
  const sources = note.sources as Source[];
  const cited = new Set<number>();
  for (const field of ['summary', 'body'] as const) {
    const text = note[field];
    if (!isText(text)) continue;
    sentences(text).forEach((sentence, i) => {
      const at = `${where}: ${field} sentence ${i + 1} "${quoted(sentence)}"`;
      const indices = citedIndices(sentence);
      if (indices.length === 0 && needsCitation(sentence)) problems.push(`${at} states ${citationTriggers(sentence).join(' and ')} but cites no source (add [n])`);
      const bad = indices.filter((index) => !Number.isInteger(index) || index < 1 || index > sources.length);
      for (const index of bad) problems.push(`${at} cites source ${index}, but the note has ${sources.length}`);
      indices.forEach((index) => cited.add(index));
      if (indices.length > 0 && bad.length === 0 && indices.every((index) => isPartisan(sources[index - 1]))) {
        const unnamed = indices.map((index) => sources[index - 1]).filter((source) => !withoutMarkers(sentence).includes(String(source.outlet)));
        if (unnamed.length > 0) {
          problems.push(`${at} rests only on ${unnamed.map((source) => `${String(source.kind)} source "${source.outlet}"`).join(', ')}; cite a source that carries the fact, or attribute it to the outlet by name`);
        }
      }
    });
  }
  if (sources.length > 0 && sources.every((source) => isRecord(source) && isPartisan(source))) {
    problems.push(`${where}: every source is state media or partisan; add one that is neither`);
  }
  sources.forEach((_, i) => {
    if (!cited.has(i + 1)) problems.push(`${where}: source ${i + 1} is never cited (mark the sentences it supports with [${i + 1}])`);
  });
}

function indexOfWords(haystack: readonly number[], needle: readonly number[], from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function occurrences(haystack: readonly number[], needle: readonly number[]): number {
  let count = 0;
  for (let at = indexOfWords(haystack, needle, 0); at >= 0; at = indexOfWords(haystack, needle, at + 1)) count++;
  return count;
}

const length = (text: string) => [...text].length;

/** The card shows the summary first, read at a glance: it must fit. */
function checkSummaryLength(summary: unknown, where: string, problems: string[]): void {
  if (isText(summary) && length(summary) > SUMMARY_MAX) {
    problems.push(`${where}: summary is ${length(summary)} characters long; the card shows at most ${SUMMARY_MAX} (markers included): shorten it`);
  }
}

/**
 * Edition fields: `version` (an integer ≥ 1) and `updated` (the ISO date of that version; it may be
 * long after `asOf`, the date the facts are stated as of); from version 2 a one-line `changeNote`;
 * and, for a withdrawn note, `withdrawn: { on, reason }`, which is itself a new version (so that a
 * reader who saw the note is told), dated the day of withdrawal.
 */
function checkEdition(raw: Raw, where: string, problems: string[]): void {
  const { version, updated, changeNote, withdrawn } = raw;
  if (version === undefined) problems.push(`${where}: version is missing (1 for a new note; one more each time its substance changes)`);
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) problems.push(`${where}: version must be a whole number of at least 1, not ${JSON.stringify(version)}`);
  if (updated === undefined) problems.push(`${where}: updated is missing (the ISO date of this version, YYYY-MM-DD)`);
  else if (typeof updated !== 'string' || !ISO_DATE.test(updated)) problems.push(`${where}: updated must be an ISO date (YYYY-MM-DD), not ${JSON.stringify(updated)}`);
  if (changeNote !== undefined) {
    if (!isText(changeNote) || /[\n\r]/.test(changeNote)) problems.push(`${where}: changeNote must be one line of text`);
    else if (length(changeNote) > CHANGE_NOTE_MAX) problems.push(`${where}: changeNote is ${length(changeNote)} characters long; at most ${CHANGE_NOTE_MAX}`);
  }
  if (Number.isInteger(version) && Number(version) > 1 && changeNote === undefined && withdrawn === undefined) {
    problems.push(`${where}: version ${version} needs a changeNote saying what changed (one line, at most ${CHANGE_NOTE_MAX} characters)`);
  }
  if (withdrawn !== undefined) {
    if (!isRecord(withdrawn)) return void problems.push(`${where}: withdrawn must be { "on": date, "reason": text }`);
    if (typeof withdrawn.on !== 'string' || !ISO_DATE.test(withdrawn.on)) problems.push(`${where}: withdrawn.on must be an ISO date (YYYY-MM-DD)`);
    if (!isText(withdrawn.reason)) problems.push(`${where}: withdrawn.reason is missing or empty`);
    // Withdrawing is a change readers are told of: it raises the version, dated the day of withdrawal.
    if (typeof version === 'number' && version < 2) problems.push(`${where}: a withdrawn note needs a higher version than the one readers saw (at least 2)`);
    if (typeof withdrawn.on === 'string' && typeof updated === 'string' && withdrawn.on !== updated) problems.push(`${where}: updated must be the day it was withdrawn (${withdrawn.on})`);
  }
}

function checkSelector(selector: unknown, where: string, article: readonly number[], problems: string[]): void {
  if (!isRecord(selector)) return void problems.push(`${where} is not an object`);
  if (selector.type !== 'TextQuoteSelector') problems.push(`${where}: type must be "TextQuoteSelector"`);
  if (!isText(selector.exact)) return void problems.push(`${where}: exact is missing or empty`);
  for (const field of ['prefix', 'suffix'] as const) {
    if (selector[field] !== undefined && typeof selector[field] !== 'string') problems.push(`${where}: ${field} must be a string`);
  }
  const exact = wordHashes(selector.exact);
  if (exact.length === 0) return void problems.push(`${where}: exact "${selector.exact}" has no words`);
  if (indexOfWords(article, exact, 0) < 0) return void problems.push(`${where}: exact "${selector.exact}" does not occur in the article`);
  const withContext = wordHashes(`${String(selector.prefix ?? '')} ${selector.exact} ${String(selector.suffix ?? '')}`);
  const found = occurrences(article, withContext);
  if (found === 0) problems.push(`${where}: prefix + exact + suffix for "${selector.exact}" does not occur in the article`);
  if (found > 1) problems.push(`${where}: prefix + exact + suffix for "${selector.exact}" occurs ${found} times; make it unique`);
}

/**
 * Notes are plain text: the card sets them as text, so markup would show as its own characters and
 * never run. A tag in a note is a mistake (or a pack made to probe the reader), reported as such.
 */
const MARKUP = /<\/?[a-z!?][^>]*>/i;

function checkPlainText(value: unknown, where: string, problems: string[]): void {
  if (typeof value === 'string' && MARKUP.test(value)) problems.push(`${where} contains markup (${JSON.stringify(MARKUP.exec(value)?.[0])}); notes are plain text`);
}

function checkNote(raw: unknown, index: number, article: readonly number[], problems: string[]): raw is Note {
  const before = problems.length;
  if (!isRecord(raw)) {
    problems.push(`note ${index + 1} is not an object`);
    return false;
  }
  const where = `note "${isText(raw.id) ? raw.id : `#${index + 1}`}"`;
  if (!isText(raw.id)) problems.push(`${where}: id is missing`);
  if (!NOTE_KINDS.includes(raw.kind as Note['kind'])) problems.push(`${where}: kind must be one of ${NOTE_KINDS.join(', ')}`);
  for (const field of ['title', 'summary', 'body'] as const) {
    if (!isText(raw[field])) problems.push(`${where}: ${field} is missing or empty`);
  }
  if (typeof raw.asOf !== 'string' || !ISO_DATE.test(raw.asOf)) problems.push(`${where}: asOf must be an ISO date (YYYY-MM-DD)`);
  for (const field of ['title', 'summary', 'body', 'changeNote'] as const) checkPlainText(raw[field], `${where}: ${field}`, problems);
  if (Array.isArray(raw.sources)) raw.sources.forEach((source: unknown, i) => isRecord(source) && checkPlainText(source.title, `${where}: source ${i + 1} title`, problems));
  checkSummaryLength(raw.summary, where, problems);
  checkEdition(raw, where, problems);
  checkSources(raw.sources, where, problems);
  checkCitations(raw, where, problems);
  const { aliases, variants, selectors } = raw;
  if (aliases !== undefined && !Array.isArray(aliases)) problems.push(`${where}: aliases must be a list`);
  if (variants !== undefined && !Array.isArray(variants)) problems.push(`${where}: variants must be a list`);
  if (selectors !== undefined && !Array.isArray(selectors)) problems.push(`${where}: selectors must be a list`);
  const aliasList: unknown[] = Array.isArray(aliases) ? aliases : [];
  const selectorList: unknown[] = Array.isArray(selectors) ? selectors : [];
  if (aliasList.length + selectorList.length === 0) problems.push(`${where}: needs at least one alias or selector`);
  aliasList.forEach((alias, i) => {
    if (!isText(alias) || wordHashes(alias).length === 0) return void problems.push(`${where}: alias ${i + 1} is empty`);
    if (indexOfWords(article, wordHashes(alias), 0) < 0) problems.push(`${where}: alias "${alias}" does not occur in the article (other spellings go in variants)`);
  });
  (Array.isArray(variants) ? variants : []).forEach((variant: unknown, i) => {
    if (!isText(variant) || wordHashes(variant).length === 0) problems.push(`${where}: variant ${i + 1} is empty`);
  });
  selectorList.forEach((selector, i) => checkSelector(selector, `${where}: selector ${i + 1}`, article, problems));
  return problems.length === before;
}

function checkArticleMeta(raw: unknown, problems: string[]): void {
  if (!isRecord(raw)) return void problems.push('article: metadata is missing');
  for (const field of ['title', 'publisher', 'about'] as const) {
    if (!isText(raw[field])) problems.push(`article: ${field} is missing or empty`);
  }
  for (const field of ['title', 'publisher', 'about'] as const) checkPlainText(raw[field], `article: ${field}`, problems);
  if (typeof raw.published !== 'string' || !ISO_DATE.test(raw.published)) problems.push('article: published must be an ISO date');
  checkHttpsUrl(raw.url, 'article', problems);
  checkSources(raw.sources, 'article', problems);
}

function checkAcrossNotes(notes: readonly Note[], article: readonly number[], problems: string[]): void {
  const ids = new Set<string>();
  const aliasOwner = new Map<string, string>();
  for (const note of notes) {
    if (ids.has(note.id)) problems.push(`note "${note.id}": id is used twice`);
    ids.add(note.id);
    for (const alias of [...(note.aliases ?? []), ...(note.variants ?? [])]) {
      const key = wordHashes(alias).join(' ');
      const owner = aliasOwner.get(key);
      if (owner && owner !== note.id) problems.push(`note "${note.id}": alias "${alias}" is also an alias of "${owner}"`);
      aliasOwner.set(key, note.id);
    }
  }
  const everywhere = new Uint8Array(article.length).fill(1);
  const matched = new Set(findMatches(article, everywhere, compileNotes(notes)).map((match) => match.noteId));
  for (const note of notes) {
    if (!matched.has(note.id)) problems.push(`note "${note.id}": none of its aliases or selectors occurs in the article`);
  }
}

/** Returns the file typed, or throws an AnnotationError listing every problem. */
export function validateAnnotations(data: unknown, articleText: string, pack?: string): AnnotationFile {
  return validateAnnotationsOfWords(data, wordHashes(articleText), pack);
}

/** validateAnnotations against the article's word hashes (core/tokenize.ts), as a pack file carries them. */
export function validateAnnotationsOfWords(data: unknown, article: readonly number[], pack?: string): AnnotationFile {
  const problems: string[] = [];
  if (!isRecord(data)) throw new AnnotationError(['the file is not a JSON object'], pack);
  checkArticleMeta(data.article, problems);
  if (!Array.isArray(data.notes) || data.notes.length === 0) problems.push('notes: the list is missing or empty');
  const rawNotes: unknown[] = Array.isArray(data.notes) ? data.notes : [];
  const notes = rawNotes.filter((note, i): note is Note => checkNote(note, i, article, problems));
  if (problems.length === 0) checkAcrossNotes(notes, article, problems);
  const provenance = isRecord(data.article) ? data.article.provenanceNote : undefined;
  if (provenance !== undefined && !rawNotes.some((note) => isRecord(note) && note.id === provenance)) {
    problems.push(`article: provenanceNote "${String(provenance)}" is not the id of a note`);
  }
  if (data.pack !== undefined && !isText(data.pack)) problems.push('pack: must be the pack\'s folder name');
  if (problems.length > 0) throw new AnnotationError(problems, pack ?? (isText(data.pack) ? data.pack : undefined));
  return data as unknown as AnnotationFile;
}

