// src/model/pack-schema.json describes annotations.json; the real pack conforms to it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSchema, type JsonSchema } from '../../../build/json-schema.ts';
import { PACK_SCHEMA } from '../../../build/packs.ts';
import { REAL_DIR, readFile } from './support.ts';

const schema: JsonSchema = JSON.parse(readFileSync('src/model/pack-schema.json', 'utf8'));

describe('pack-schema.json', () => {
  it('is a draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(PACK_SCHEMA).toEqual(schema);
  });

  it('accepts the real pack, with and without a version', () => {
    const file = readFile(REAL_DIR);
    expect(checkSchema(schema, file)).toEqual([]);
    expect(checkSchema(schema, { version: 1, ...file })).toEqual([]);
  });

  it('names the path and the reason for each break', () => {
    const file = structuredClone(readFile(REAL_DIR)) as unknown as { version: number; notes: Record<string, unknown>[]; article: Record<string, unknown> };
    file.version = 2;
    file.notes[0].alias = ['Musk'];
    file.notes[1].title = 'Two\nlines';
    file.notes[2].kind = 'organisation';
    delete file.article.url;
    const problems = checkSchema(schema, file).map((problem) => `${problem.path.join('.')}: ${problem.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'version: must be 1',
        'notes.0.alias: is not part of this format',
        expect.stringMatching(/^notes\.1\.title: must be one line of text/),
        'notes.2.kind: must be one of "person", "event", "claim"',
        'article.url: is required',
      ]),
    );
  });

  it('knows the pack’s name, the provenance note and the kinds of source, with the outlet a kind needs', () => {
    const file = structuredClone(readFile(REAL_DIR)) as unknown as { pack: string; article: Record<string, unknown>; notes: { sources: Record<string, unknown>[] }[] };
    file.pack = 'Musk Riyadh';
    file.article.provenanceNote = 'upcoming-talks';
    file.notes[0].sources[0].kind = 'tabloid';
    file.notes[1].sources[0].kind = 'partisan';
    file.notes[2].sources[0].outlet = '';
    const problems = checkSchema(schema, file).map((problem) => `${problem.path.join('.')}: ${problem.message}`);
    expect(problems).toEqual([
      'pack: must be lower-case words joined by hyphens, like musk-riyadh-2025',
      'article.provenanceNote: must be the kind, a slash and lower-case words joined by hyphens, like person/elon-musk',
      'notes.0.sources.0.outlet: is required with "kind"',
      'notes.0.sources.0.kind: must be one of "state-media", "partisan"',
      'notes.1.sources.0.outlet: is required with "kind"',
      'notes.2.sources.0.outlet: must have at least 1 characters',
      expect.stringMatching(/^notes\.2\.sources\.0\.outlet: must be one line of text/),
    ]);
  });

  it('needs a name or a passage on every note', () => {
    const file = structuredClone(readFile(REAL_DIR));
    delete file.notes[0].aliases;
    expect(checkSchema(schema, file).map((problem) => problem.path.join('.'))).toEqual(['notes.0']);
  });

  it('refuses to check a keyword it does not implement rather than skip it', () => {
    expect(() => checkSchema({ type: 'array', maxItems: 3 }, [1, 2, 3, 4])).toThrow(/maxItems/);
  });
});
