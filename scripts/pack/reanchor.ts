// Turns Incoming annotations into notes anchored in the pack's article. An annotation is imported
// only when every passage it selects anchors; the others are reported with the nearest text found.
import type { Note, TextQuoteSelector } from '../../src/model/note.ts';
import { contextOccurrences, occurrences, type ArticleIndex } from './article-index.ts';
import { anchorQuote, type Anchor, type Quote } from './anchor.ts';
import { toUtf16 } from './code-points.ts';
import type { Incoming, IncomingPlace } from './incoming.ts';
import type { NearestText } from './nearest.ts';

export interface AnchorFailure {
  label: string;
  noteId?: string;
  /** Which target, 1-based, or undefined when the annotation as a whole cannot be used. */
  target?: number;
  quote?: string;
  reason: string;
  nearest?: NearestText;
}

export interface Reanchored {
  notes: Note[];
  failures: AnchorFailure[];
  /** Mentions of a note's names that no longer anchor: reported, not blocking (the names are kept). */
  warnings: AnchorFailure[];
  /** The id of the one imported note marked as telling the article's provenance story, if any. */
  provenanceNote?: string;
}

function anchorPlace(index: ArticleIndex, place: IncomingPlace): Anchor {
  const position = place.position && { start: toUtf16(index.text, place.position.start), end: toUtf16(index.text, place.position.end) };
  return anchorQuote(index, place.quote, position);
}

/** Whole words on each side of the anchor, as few as make the quote unique (none if it already is). */
function selectorAt(index: ArticleIndex, anchor: Extract<Anchor, { ok: true }>, exact: string): TextQuoteSelector {
  const { text, starts, ends, hashes } = index;
  for (let k = 0; k <= 8; k++) {
    const from = Math.max(0, anchor.first - k);
    const to = Math.min(hashes.length, anchor.last + k);
    if (occurrences(index, Array.from(hashes.subarray(from, to))).length !== 1) continue;
    if (k === 0) return { type: 'TextQuoteSelector', exact };
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact };
    if (from < anchor.first) selector.prefix = text.slice(starts[from], anchor.span.start);
    if (to > anchor.last) selector.suffix = text.slice(anchor.span.end, ends[to - 1]);
    return selector;
  }
  return { type: 'TextQuoteSelector', exact };
}

/** The incoming quote as it was when it already picks one place; otherwise one rebuilt from the article. */
function selectorFor(index: ArticleIndex, place: IncomingPlace, anchor: Extract<Anchor, { ok: true }>): TextQuoteSelector {
  const quote: Quote | undefined = place.quote;
  if (quote && contextOccurrences(index, quote.exact, quote.prefix, quote.suffix) === 1) return { type: 'TextQuoteSelector', ...quote };
  return selectorAt(index, anchor, quote?.exact ?? index.text.slice(anchor.span.start, anchor.span.end));
}

function toNote(incoming: Incoming, id: string, selectors: TextQuoteSelector[]): Note {
  // Keys in the order annotations.json lists them, sources last.
  const note: Omit<Note, 'sources'> = {
    id,
    kind: incoming.kind,
    title: incoming.title,
    summary: incoming.summary,
    body: incoming.body,
    asOf: incoming.asOf,
    version: incoming.version,
    updated: incoming.updated,
  };
  if (incoming.changeNote !== undefined) note.changeNote = incoming.changeNote;
  if (incoming.withdrawn) note.withdrawn = incoming.withdrawn;
  if (incoming.aliases) note.aliases = incoming.aliases;
  if (incoming.variants) note.variants = incoming.variants;
  if (selectors.length > 0) note.selectors = selectors;
  return { ...note, sources: incoming.sources };
}

/** A note id not used yet: the wanted one, or the wanted one with -2, -3… */
function freeId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

export function reanchor(index: ArticleIndex, incoming: readonly Incoming[]): Reanchored {
  const result: Reanchored = { notes: [], failures: [], warnings: [] };
  const taken = new Set<string>();
  const provenance: string[] = [];
  for (const item of incoming) {
    const noteId = item.id;
    if (item.unusable) {
      result.failures.push({ label: item.label, noteId, reason: item.unusable });
      continue;
    }
    const selectors: TextQuoteSelector[] = [];
    const failures: AnchorFailure[] = [];
    item.passages.forEach((place, i) => {
      const anchor = anchorPlace(index, place);
      if (anchor.ok) selectors.push(selectorFor(index, place, anchor));
      else failures.push({ label: item.label, noteId, target: i + 1, quote: place.quote?.exact, reason: anchor.reason, nearest: anchor.nearest });
    });
    item.mentions.forEach((place, i) => {
      const anchor = anchorPlace(index, place);
      if (!anchor.ok) result.warnings.push({ label: item.label, noteId, target: item.passages.length + i + 1, quote: place.quote?.exact, reason: anchor.reason, nearest: anchor.nearest });
    });
    if (failures.length > 0) {
      result.failures.push(...failures);
      continue;
    }
    const note = toNote(item, freeId(noteId ?? item.newId, taken), selectors);
    result.notes.push(note);
    if (item.provenanceNote) provenance.push(note.id);
  }
  if (provenance.length === 1) result.provenanceNote = provenance[0];
  return result;
}
