// Reads a Hypothesis API export ({ rows: [{ id, text, tags, uri, target: [{ source, selector }] }] },
// as returned by https://api.hypothes.is/api/search) into Incoming notes. A tag "person", "event"
// or "claim" sets the kind (claim otherwise); links in the text become the sources, and without
// any the annotation's own page on Hypothesis is the source.
import { NOTE_KINDS, type NoteKind, type Source } from '../../src/model/note.ts';
import { asList, isoDay, isRecord, placeOf, shortTitle, slugify, splitFreeText, type Incoming } from './incoming.ts';

export const isHypothesisExport = (data: unknown): data is { rows: unknown[] } => isRecord(data) && Array.isArray(data.rows);

const MARKDOWN_LINK = /\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g;
const BARE_LINK = /(?<!\()https:\/\/[^\s)\]]+/g;

function linksIn(text: string): Source[] {
  const sources: Source[] = [];
  for (const [, title, url] of text.matchAll(MARKDOWN_LINK)) sources.push({ title, url });
  for (const [url] of text.matchAll(BARE_LINK)) if (!sources.some((source) => source.url === url)) sources.push({ title: url, url });
  return sources;
}

function ownPage(row: Record<string, unknown>): Source {
  const links = isRecord(row.links) ? row.links : {};
  const url = typeof links.html === 'string' ? links.html : `https://hypothes.is/a/${String(row.id)}`;
  const user = typeof row.user === 'string' ? row.user.replace(/^acct:/, '') : 'a Hypothesis user';
  return { title: `Hypothesis annotation by ${user}`, url };
}

export function readHypothesis(data: { rows: unknown[] }, today: string): Incoming[] {
  return data.rows.map((raw, i) => {
    const row = isRecord(raw) ? raw : {};
    const label = typeof row.id === 'string' ? `Hypothesis annotation ${row.id}` : `row ${i + 1}`;
    const tags = asList(row.tags).map((tag) => String(tag).toLowerCase());
    const kind: NoteKind = NOTE_KINDS.find((candidate) => tags.includes(candidate)) ?? 'claim';
    const passages = asList(row.target).map((target) => (isRecord(target) ? placeOf(target.selector) : {}));
    const withQuote = passages.filter((place) => place.quote);
    const value = typeof row.text === 'string' ? row.text : '';
    const text = splitFreeText(value, shortTitle(withQuote[0]?.quote?.exact ?? label));
    const links = linksIn(value);
    const asOf = isoDay(row.updated) ?? isoDay(row.created) ?? today;
    const incoming: Incoming = {
      label,
      newId: `${kind}/${slugify(text.title)}`,
      kind,
      ...text,
      asOf,
      version: 1,
      updated: asOf,
      sources: links.length > 0 ? links : [ownPage(row)],
      passages: withQuote.length > 0 ? withQuote : passages,
      mentions: [],
    };
    if (!passages.some((place) => place.quote || place.position)) incoming.unusable = 'it is a page note, not attached to a passage of the article';
    return incoming;
  });
}
