// What an imported annotation says before it is anchored in the article: the common shape that
// both readers (W3C collections, Hypothesis exports) produce.
import type { NoteKind, Source, Withdrawal } from '../../src/model/note.ts';
import type { Quote } from './anchor.ts';
import { isRecord } from '../../src/core/is-record.ts';

/** A place in the article: a quote and/or a position (code points, as in a TextPositionSelector). */
export interface IncomingPlace {
  quote?: Quote;
  position?: { start: number; end: number };
}

export interface Incoming {
  /** How reports name it: the annotation's id, or its position in the file. */
  label: string;
  /** The note id, when the annotation carries one (a Backstory export). */
  id?: string;
  /** The id for a new note otherwise: kind and title. */
  newId: string;
  kind: NoteKind;
  title: string;
  summary: string;
  body: string;
  asOf: string;
  /** The note's version (1 unless the annotation says otherwise) and the date of that version. */
  version: number;
  updated: string;
  changeNote?: string;
  withdrawn?: Withdrawal;
  sources: Source[];
  aliases?: string[];
  variants?: string[];
  /** Passages the note selects: they become the note's selectors. */
  passages: IncomingPlace[];
  /** Mentions of the note's names: checked, not stored (the names are). */
  mentions: IncomingPlace[];
  /** The note tells the article's provenance story: it becomes `article.provenanceNote` if the pack has none. */
  provenanceNote?: boolean;
  /** Why it cannot be imported at all, before anchoring (for example, a page note). */
  unusable?: string;
}

/** Splits free text into the three parts of a note when it is not in Backstory's own layout. */
export function splitFreeText(value: string, fallbackTitle: string): Pick<Incoming, 'title' | 'summary' | 'body'> {
  const paragraphs = value
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A citation marker after the full stop ("…in 2024.[1]") stays with its sentence.
  const firstSentence = (text: string) => (text.match(/^.*?[.!?][”’"')]*(?:\[\d+(?:,\s*\d+)*\])?(?=\s|$)/s)?.[0] ?? text).replace(/\s+/g, ' ').trim();
  const plainTitle = (text: string) => text.replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/\s+/g, ' ').trim();
  if (paragraphs.length >= 3) return { title: plainTitle(paragraphs[0]), summary: paragraphs[1].replace(/\s+/g, ' '), body: paragraphs.slice(2).join('\n\n') };
  if (paragraphs.length === 2) return { title: plainTitle(paragraphs[0]), summary: firstSentence(paragraphs[1]), body: paragraphs[1] };
  if (paragraphs.length === 1) return { title: fallbackTitle, summary: firstSentence(paragraphs[0]), body: paragraphs[0] };
  return { title: fallbackTitle, summary: '', body: '' };
}

/** "a quote of at most 80 characters…", for titles made from a quote. */
export function shortTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'note'
  );
}

export const isoDay = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;


export const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** The TextQuote and TextPosition selectors of a W3C/Hypothesis target; other kinds are ignored. */
export function placeOf(selectors: unknown): IncomingPlace {
  const place: IncomingPlace = {};
  for (const selector of asList(selectors)) {
    if (!isRecord(selector)) continue;
    if (selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string' && !place.quote) {
      place.quote = { exact: selector.exact };
      if (typeof selector.prefix === 'string') place.quote.prefix = selector.prefix;
      if (typeof selector.suffix === 'string') place.quote.suffix = selector.suffix;
    }
    if (selector.type === 'TextPositionSelector' && Number.isInteger(selector.start) && Number.isInteger(selector.end) && !place.position) {
      place.position = { start: Number(selector.start), end: Number(selector.end) };
    }
  }
  return place;
}

export { isRecord };
