// The export is a W3C Web Annotation collection: the model's required fields, selectors that point
// at the note's passages, and `npm run pack -- export` prints it.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../build/packs.ts';
import { wordHashes } from '../../../src/core/tokenize.ts';
import { citedIndices } from '../../../src/model/citations.ts';
import { toUtf16 } from '../../../scripts/pack/code-points.ts';
import { exportPack } from '../../../scripts/pack/export.ts';
import { ANNO_CONTEXT } from '../../../scripts/pack/web-annotation.ts';
import { REAL_DIR, REAL_PACK, run } from './support.ts';

type Json = Record<string, unknown>;
const pack = loadPack(REAL_DIR);
const collection = JSON.parse(JSON.stringify(exportPack(pack))) as Json;
const page = collection.first as Json;
const items = page.items as Json[];
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** https://www.w3.org/TR/annotation-model/#annotations: "MUST" of the model, checked on one annotation. */
function modelProblems(annotation: Json, inheritedContext: boolean): string[] {
  const problems: string[] = [];
  const context = annotation['@context'];
  const hasContext = context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT));
  if (!hasContext && !inheritedContext) problems.push('no @context');
  if (typeof annotation.id !== 'string' || !/^[a-z][a-z0-9+.-]*:/.test(annotation.id)) problems.push('id is not an IRI');
  if (!list(annotation.type).includes('Annotation')) problems.push('type is not Annotation');
  const targets = list(annotation.target).filter((target) => target !== undefined);
  if (targets.length === 0) problems.push('no target');
  for (const target of targets as Json[]) {
    if (typeof target.source !== 'string') problems.push('target without source');
    for (const selector of list(target.selector) as Json[]) {
      if (selector.type === 'TextQuoteSelector' && typeof selector.exact !== 'string') problems.push('TextQuoteSelector without exact');
      if (selector.type === 'TextPositionSelector') {
        const { start, end } = selector;
        if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number)) problems.push('bad TextPositionSelector');
      }
    }
  }
  for (const body of list(annotation.body) as Json[]) {
    if (body.type === 'TextualBody' && typeof body.value !== 'string') problems.push('TextualBody without value');
    if (body.type === 'SpecificResource' && body.source === undefined) problems.push('SpecificResource without source');
  }
  return problems;
}

describe('pack export', () => {
  it('is an AnnotationCollection with the anno.jsonld context first, its total and its first page', () => {
    const context = collection['@context'];
    expect(context === ANNO_CONTEXT || (Array.isArray(context) && context[0] === ANNO_CONTEXT)).toBe(true);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toBe(`urn:backstory:${REAL_PACK}`);
    expect(collection.label).toBe(pack.file.article.title);
    expect(collection.total).toBe(pack.file.notes.length);
    expect(page.type).toBe('AnnotationPage');
    expect(page.partOf).toBe(collection.id);
    expect(page.startIndex).toBe(0);
    expect(items).toHaveLength(collection.total as number);
  });

  it('meets the Web Annotation model’s required fields in every annotation', () => {
    for (const annotation of items) expect(modelProblems(annotation, true), String(annotation.id)).toEqual([]);
    expect(new Set(items.map((annotation) => annotation.id)).size).toBe(items.length);
  });

  it('gives one annotation per note, with its text, its sources and its kind', () => {
    const musk = items.find((annotation) => annotation.id === `urn:backstory:${REAL_PACK}:person/elon-musk`) as Json;
    const note = pack.file.notes[0];
    expect(musk.motivation).toBe('describing');
    expect(musk['backstory:kind']).toBe('person');
    expect(musk['backstory:aliases']).toEqual(note.aliases);
    const [text, ...links] = musk.body as Json[];
    expect(text).toMatchObject({ type: 'TextualBody', format: 'text/plain', value: `${note.title}\n\n${note.summary}\n\n${note.body}` });
    expect(links).toEqual(note.sources.map((source, i) => ({ type: 'SpecificResource', purpose: 'linking', source: { id: source.url, label: source.title }, 'backstory:citation': i + 1 })));
    const claim = items.find((annotation) => annotation['backstory:kind'] === 'claim') as Json;
    expect(claim.motivation).toBe('commenting');
  });

  it('keeps the citation markers in the text, each naming a link body by its backstory:citation', () => {
    let markers = 0;
    for (const annotation of items) {
      const [text, ...links] = annotation.body as Json[];
      const numbers = links.map((link) => link['backstory:citation']);
      expect(numbers).toEqual(links.map((_, i) => i + 1));
      for (const n of citedIndices(String(text.value))) {
        markers++;
        expect(numbers, String(annotation.id)).toContain(n);
      }
    }
    expect(markers).toBeGreaterThan(100);
    const musk = items.find((annotation) => String(annotation.id).endsWith('person/elon-musk')) as Json;
    expect(String((musk.body as Json[])[0].value)).toContain('in Riyadh.[4,5]');
  });

  it('marks state-media and partisan sources with their kind and outlet on the link', () => {
    const kinds = pack.file.notes.flatMap((note) => note.sources.filter((source) => source.kind));
    const links = items.flatMap((annotation) => (annotation.body as Json[]).filter((body) => body['backstory:sourceKind'] !== undefined));
    expect(links).toHaveLength(kinds.length);
    expect(links.map((link) => [link['backstory:sourceKind'], link['backstory:outlet']])).toEqual(kinds.map((source) => [source.kind, source.outlet]));
    expect(links.some((link) => link['backstory:sourceKind'] === 'state-media' && link['backstory:outlet'] === 'RT')).toBe(true);
  });

  it('marks the note that tells the article’s provenance story, and only that one', () => {
    const marked = items.filter((annotation) => annotation['backstory:provenanceNote'] === true);
    expect(marked.map((annotation) => annotation.id)).toEqual([`urn:backstory:${REAL_PACK}:${pack.file.article.provenanceNote}`]);
  });

  it('targets each passage and each mention, and the position holds the quoted words', () => {
    const text = pack.articleText;
    for (const annotation of items) {
      for (const target of annotation.target as Json[]) {
        expect(target.source).toBe(pack.file.article.url);
        const [quote, position] = target.selector as Json[];
        expect(quote.type).toBe('TextQuoteSelector');
        expect(position.type).toBe('TextPositionSelector');
        const at = text.slice(toUtf16(text, position.start as number), toUtf16(text, position.end as number));
        expect(wordHashes(at), `${String(annotation.id)}: ${at}`).toEqual(wordHashes(quote.exact as string));
      }
    }
    const musk = items.find((annotation) => String(annotation.id).endsWith('person/elon-musk')) as Json;
    expect((musk.target as Json[]).every((target) => ['Elon Musk', 'Musk'].includes(String(target['backstory:mentionOf'])))).toBe(true);
    const call = items.find((annotation) => String(annotation.id).endsWith('event/trump-putin-call')) as Json;
    expect((call.target as Json[]).map((target) => (target.selector as Json[])[0])).toEqual(pack.file.notes.find((note) => note.id === 'event/trump-putin-call')?.selectors);
  });

  it('is printed by `npm run pack -- export <pack>`', () => {
    const { status, out } = run('export', REAL_PACK);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual(collection);
  });
});
