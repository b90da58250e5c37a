// Reads W3C Web Annotations (a collection with its first page embedded, a page, a list or a single
// annotation) into Incoming notes. Backstory's own exports carry `backstory:` properties that make
// the reading exact; other tools' annotations are read as well as their fields allow.
import { NOTE_KINDS, type NoteKind, type Source } from '../../src/model/note.ts';
import { asList, isoDay, isRecord, placeOf, shortTitle, slugify, splitFreeText, type Incoming } from './incoming.ts';

type Raw = Record<string, unknown>;

/** The annotations of a W3C document, or an explanation of why there are none to read. */
export function w3cAnnotations(data: unknown): Raw[] {
  if (Array.isArray(data)) return data.filter(isRecord);
  if (!isRecord(data)) throw new Error('the file is not a JSON object or list');
  if (data.type === 'Annotation') return [data];
  if (data.type === 'AnnotationPage') return asList(data.items).filter(isRecord);
  if (data.type === 'AnnotationCollection') {
    const items: Raw[] = [];
    for (let page: unknown = data.first; page !== undefined; page = isRecord(page) ? page.next : undefined) {
      if (!isRecord(page)) throw new Error('the collection refers to its pages by address; save the pages in the file (embed "first") and try again');
      items.push(...asList(page.items).filter(isRecord));
    }
    return items;
  }
  throw new Error(`type "${String(data.type)}" is not an Annotation, AnnotationPage or AnnotationCollection`);
}

function textOf(annotation: Raw): string {
  if (typeof annotation.bodyValue === 'string') return annotation.bodyValue;
  const textual = asList(annotation.body).filter((body): body is Raw => isRecord(body) && body.type === 'TextualBody' && typeof body.value === 'string');
  const main = textual.find((body) => body.purpose !== 'tagging') ?? textual[0];
  return main ? String(main.value) : '';
}

/** A link body's source, with the kind and outlet of a Backstory export. */
function sourceOf(body: Raw): Source | undefined {
  const resource = body.type === 'SpecificResource' ? body.source : body;
  let source: Source;
  if (typeof resource === 'string') source = { title: resource, url: resource };
  else if (isRecord(resource) && typeof resource.id === 'string') {
    const title = typeof resource.label === 'string' ? resource.label : typeof body.label === 'string' ? body.label : resource.id;
    source = { title, url: resource.id };
  } else return undefined;
  // Passed on as written, even if not a kind Backstory knows: the check then reports it, where
  // dropping it would silently lose the warning that the source is state media or partisan.
  if (typeof body['backstory:sourceKind'] === 'string') source.kind = body['backstory:sourceKind'] as Source['kind'];
  if (typeof body['backstory:outlet'] === 'string') source.outlet = body['backstory:outlet'];
  return source;
}

/**
 * The sources, numbered as the text's citation markers number them: by `backstory:citation` when
 * every link body has its own number 1…n (JSON-LD does not keep the order of `body`), else in order.
 */
function sourcesOf(annotation: Raw): Source[] {
  const links: { source: Source; n: unknown }[] = [];
  for (const body of asList(annotation.body)) {
    if (!isRecord(body) || body.type === 'TextualBody') continue;
    const source = sourceOf(body);
    if (source) links.push({ source, n: body['backstory:citation'] });
  }
  const numbers = links.map((link) => link.n);
  const numbered = numbers.every((n) => Number.isInteger(n)) && [...numbers].sort((a, b) => Number(a) - Number(b)).every((n, i) => n === i + 1);
  if (numbered) links.sort((a, b) => Number(a.n) - Number(b.n));
  return links.map((link) => link.source);
}

function kindOf(annotation: Raw): NoteKind {
  const own = annotation['backstory:kind'];
  if (NOTE_KINDS.includes(own as NoteKind)) return own as NoteKind;
  const tags = asList(annotation.body)
    .filter((body): body is Raw => isRecord(body) && body.purpose === 'tagging')
    .map((body) => String(body.value).toLowerCase());
  return NOTE_KINDS.find((kind) => tags.includes(kind)) ?? 'claim';
}

/** `urn:backstory:<pack>:<note id>` → the note id. */
export function noteIdOf(annotationId: unknown): string | undefined {
  const match = typeof annotationId === 'string' ? /^urn:backstory:[a-z0-9-]+:((?:person|event|claim)\/.+)$/.exec(annotationId) : null;
  return match?.[1];
}

/** Backstory's layout: title, blank line, summary, blank line, body (which may hold blank lines). */
function splitOwnText(value: string): Pick<Incoming, 'title' | 'summary' | 'body'> | undefined {
  const first = value.indexOf('\n\n');
  const second = first < 0 ? -1 : value.indexOf('\n\n', first + 2);
  if (second < 0) return undefined;
  return { title: value.slice(0, first), summary: value.slice(first + 2, second), body: value.slice(second + 2) };
}

/**
 * Version, date and change note of a Backstory export; another tool's annotation is version 1 of
 * its `modified` (or `created`) day. A version that is not a whole number ≥ 1 is passed on as written,
 * so that the check reports it rather than the import silently renumbering the note.
 */
function editionOf(annotation: Raw, asOf: string): Pick<Incoming, 'version' | 'updated' | 'changeNote' | 'withdrawn'> {
  const own = annotation['backstory:version'];
  const edition: Pick<Incoming, 'version' | 'updated' | 'changeNote' | 'withdrawn'> = {
    version: own === undefined ? 1 : (own as number),
    updated: isoDay(annotation.modified) ?? isoDay(annotation.created) ?? asOf,
  };
  if (typeof annotation['backstory:changeNote'] === 'string') edition.changeNote = annotation['backstory:changeNote'];
  const withdrawn = annotation['backstory:withdrawn'];
  if (isRecord(withdrawn)) edition.withdrawn = { on: String(withdrawn.on), reason: String(withdrawn.reason) };
  return edition;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

export function readW3c(data: unknown, today: string): Incoming[] {
  return w3cAnnotations(data).map((annotation, i) => {
    const label = typeof annotation.id === 'string' ? annotation.id : `annotation ${i + 1}`;
    const ours = typeof annotation['backstory:kind'] === 'string';
    const targets = asList(annotation.target);
    const places = targets.map((target) => ({ target, place: isRecord(target) ? placeOf(target.selector) : {} }));
    const isMention = (target: unknown) => isRecord(target) && typeof target['backstory:mentionOf'] === 'string';
    const passages = places.filter(({ target }) => !isMention(target)).map(({ place }) => place);
    const mentions = places.filter(({ target }) => isMention(target)).map(({ place }) => place);
    const value = textOf(annotation);
    const fallbackTitle = shortTitle(passages.find((place) => place.quote)?.quote?.exact ?? label);
    const text = (ours ? splitOwnText(value) : undefined) ?? splitFreeText(value, fallbackTitle);
    const kind = kindOf(annotation);
    const asOf = isoDay(annotation['backstory:asOf']) ?? isoDay(annotation.modified) ?? isoDay(annotation.created) ?? today;
    const incoming: Incoming = {
      label,
      id: noteIdOf(annotation.id),
      newId: `${kind}/${slugify(text.title)}`,
      kind,
      ...text,
      asOf,
      ...editionOf(annotation, asOf),
      sources: sourcesOf(annotation),
      passages,
      mentions,
    };
    const aliases = strings(annotation['backstory:aliases']);
    const variants = strings(annotation['backstory:variants']);
    if (aliases) incoming.aliases = aliases;
    if (variants) incoming.variants = variants;
    if (annotation['backstory:provenanceNote'] === true) incoming.provenanceNote = true;
    if (targets.length === 0) incoming.unusable = 'it has no target';
    else if (passages.length + (aliases?.length ?? 0) === 0) incoming.unusable = 'none of its targets has a TextQuoteSelector or TextPositionSelector';
    return incoming;
  });
}
