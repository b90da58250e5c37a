// build/pack-schema.json describes annotations.json; the real pack conforms to it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSchema, type JsonSchema } from '../../../build/json-schema.ts';
import { PACK_SCHEMA } from '../../../build/packs.ts';
import { REAL_DIR, readFile } from './support.ts';

const schema: JsonSchema = JSON.parse(readFileSync('build/pack-schema.json', 'utf8'));

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

  it('needs a name or a passage on every note', () => {
    const file = structuredClone(readFile(REAL_DIR));
    delete file.notes[0].aliases;
    expect(checkSchema(schema, file).map((problem) => problem.path.join('.'))).toEqual(['notes.0']);
  });

  it('refuses to check a keyword it does not implement rather than skip it', () => {
    expect(() => checkSchema({ type: 'string', maxLength: 3 }, 'long')).toThrow(/maxLength/);
  });
});
