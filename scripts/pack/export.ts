// A pack as a W3C Web Annotation collection: one Annotation per note, one target per passage the
// note selects and one per mention of its names, each with a TextQuoteSelector and a
// TextPositionSelector. Lossless: importing it back gives the same notes (see import.ts).
import type { Pack } from '../../build/packs.ts';
import { compileNotes, findMatches } from '../../src/core/match.ts';
import type { Note, Source } from '../../src/model/note.ts';
import { indexArticle, type ArticleIndex } from './article-index.ts';
import { anchorQuote, exactSpan, type Span } from './anchor.ts';
import { toCodePoints } from './code-points.ts';
import {
  annotationId,
  collectionId,
  COLLECTION_CONTEXT,
  type Annotation,
  type AnnotationCollection,
  type LinkBody,
  type Target,
  type TextPositionSelector,
} from './web-annotation.ts';

/** Words of context around a mention, enough to tell it from the others. */
const MENTION_CONTEXT_WORDS = 5;

export const noteText = (note: Pick<Note, 'title' | 'summary' | 'body'>) => `${note.title}\n\n${note.summary}\n\n${note.body}`;

function position(index: ArticleIndex, span: Span): TextPositionSelector {
  return { type: 'TextPositionSelector', start: toCodePoints(index.text, span.start), end: toCodePoints(index.text, span.end) };
}

function selectorTargets(index: ArticleIndex, note: Note, source: string): Target[] {
  return (note.selectors ?? []).map((selector) => {
    const anchor = anchorQuote(index, selector);
    if (!anchor.ok) throw new Error(`note "${note.id}": ${anchor.reason}`);
    return { source, selector: [{ ...selector }, position(index, exactSpan(index, anchor, selector.exact))] };
  });
}

/** Every mention of every note's names, as the extension highlights them (longest name first). */
function mentions(index: ArticleIndex, notes: readonly Note[]) {
  const names = notes.map(({ id, kind, aliases, variants }) => ({ id, kind, aliases, variants }));
  return findMatches(index.hashes, new Uint8Array(index.hashes.length).fill(1), compileNotes(names));
}

function mentionTarget(index: ArticleIndex, first: number, end: number, source: string): Target {
  const { text, starts, ends } = index;
  const span = { start: starts[first], end: ends[end - 1] };
  const before = starts[Math.max(0, first - MENTION_CONTEXT_WORDS)];
  const after = ends[Math.min(ends.length, end + MENTION_CONTEXT_WORDS) - 1];
  const exact = text.slice(span.start, span.end);
  return {
    source,
    selector: [{ type: 'TextQuoteSelector', exact, prefix: text.slice(before, span.start), suffix: text.slice(span.end, after) }, position(index, span)],
    'backstory:mentionOf': exact,
  };
}

/** A source as a link body; `n` is the number the note's citation markers use for it. */
export function linkBody(source: Source, n: number): LinkBody {
  const link: LinkBody = { type: 'SpecificResource', purpose: 'linking', source: { id: source.url, label: source.title }, 'backstory:citation': n };
  if (source.kind !== undefined) link['backstory:sourceKind'] = source.kind;
  if (source.outlet !== undefined) link['backstory:outlet'] = source.outlet;
  return link;
}

export function exportNote(pack: Pack, note: Note, index: ArticleIndex, mentionTargets: Target[]): Annotation {
  const source = pack.file.article.url;
  const annotation: Annotation = {
    id: annotationId(pack.slug, note.id),
    type: 'Annotation',
    motivation: note.kind === 'claim' ? 'commenting' : 'describing',
    body: [
      { type: 'TextualBody', purpose: note.kind === 'claim' ? 'commenting' : 'describing', format: 'text/plain', value: noteText(note) },
      ...note.sources.map((source, i) => linkBody(source, i + 1)),
    ],
    target: [...selectorTargets(index, note, source), ...mentionTargets],
    modified: `${note.updated}T00:00:00Z`,
    'backstory:kind': note.kind,
    'backstory:asOf': note.asOf,
    'backstory:version': note.version,
  };
  if (note.changeNote !== undefined) annotation['backstory:changeNote'] = note.changeNote;
  if (note.withdrawn) annotation['backstory:withdrawn'] = { ...note.withdrawn };
  if (note.aliases) annotation['backstory:aliases'] = [...note.aliases];
  if (note.variants) annotation['backstory:variants'] = [...note.variants];
  if (pack.file.article.provenanceNote === note.id) annotation['backstory:provenanceNote'] = true;
  return annotation;
}

export function exportPack(pack: Pack): AnnotationCollection {
  const index = indexArticle(pack.articleText);
  const found = mentions(index, pack.file.notes);
  const items = pack.file.notes.map((note) =>
    exportNote(
      pack,
      note,
      index,
      found.filter((match) => match.noteId === note.id).map((match) => mentionTarget(index, match.first, match.end, pack.file.article.url)),
    ),
  );
  const id = collectionId(pack.slug);
  return {
    '@context': COLLECTION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: pack.file.article.title,
    total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
}
