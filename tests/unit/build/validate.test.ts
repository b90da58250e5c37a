import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnnotationError, validateAnnotations } from '../../../build/validate.ts';
import type { AnnotationFile, Note } from '../../../src/model/note.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

const FILE: AnnotationFile = JSON.parse(readFileSync(new URL('../../../packs/musk-riyadh-2025/annotations.json', import.meta.url), 'utf8'));

function problemsWith(change: (note: Note) => void, id = 'person/elon-musk'): string[] {
  const copy: AnnotationFile = structuredClone(FILE);
  const note = copy.notes.find((candidate) => candidate.id === id);
  if (!note) throw new Error(`no note ${id}`);
  change(note);
  try {
    validateAnnotations(copy, ARTICLE_TEXT);
    return [];
  } catch (error) {
    if (error instanceof AnnotationError) return error.problems;
    throw error;
  }
}

describe('validateAnnotations', () => {
  it('accepts the bundled annotation file', () => {
    expect(validateAnnotations(FILE, ARTICLE_TEXT).notes).toHaveLength(FILE.notes.length);
  });

  it('names the entry with a missing field', () => {
    expect(problemsWith((note) => Reflect.deleteProperty(note, 'summary'))).toEqual(['note "person/elon-musk": summary is missing or empty']);
  });

  it('names the entry with an empty alias', () => {
    expect(problemsWith((note) => note.aliases?.push(' '))).toEqual(['note "person/elon-musk": alias 3 is empty']);
  });

  it('names the entry with an alias that is not in the article', () => {
    expect(problemsWith((note) => note.aliases?.push('Elon Reeve Musk'))).toEqual([
      'note "person/elon-musk": alias "Elon Reeve Musk" does not occur in the article (other spellings go in variants)',
    ]);
  });

  it('accepts variants that the article does not use, and rejects empty ones', () => {
    expect(problemsWith((note) => (note.variants = ['Elon Reeve Musk']))).toEqual([]);
    expect(problemsWith((note) => (note.variants = ['—']))).toEqual(['note "person/elon-musk": variant 1 is empty']);
  });

  it('names the entry whose quote is not in the article', () => {
    const problems = problemsWith((note) => note.selectors?.push({ type: 'TextQuoteSelector', exact: 'Musk won the election' }), 'claim/upcoming-election');
    expect(problems).toEqual(['note "claim/upcoming-election": selector 2: exact "Musk won the election" does not occur in the article']);
  });

  it('names the entry whose quote is ambiguous', () => {
    const problems = problemsWith((note) => note.selectors?.splice(0, 1, { type: 'TextQuoteSelector', exact: 'upcoming' }), 'claim/upcoming-talks');
    expect(problems).toEqual(['note "claim/upcoming-talks": selector 1: prefix + exact + suffix for "upcoming" occurs 4 times; make it unique']);
  });

  it('names the entry with a link that is not https', () => {
    const problems = problemsWith((note) => note.sources.push({ title: 'Plain', url: 'http://example.com/' }));
    expect(problems).toEqual(['note "person/elon-musk": source 4: url "http://example.com/" is not https']);
  });

  it('rejects javascript: and malformed links', () => {
    const problems = problemsWith((note) => note.sources.splice(0, 2, { title: 'Script', url: 'javascript:alert(1)' }, { title: 'Broken', url: 'https//nope' }));
    expect(problems).toEqual([
      'note "person/elon-musk": source 1: url "javascript:alert(1)" is not https',
      'note "person/elon-musk": source 2: url "https//nope" is not a well-formed URL',
    ]);
  });

  it('rejects an alias shared by two notes', () => {
    expect(problemsWith((note) => note.aliases?.push('Trump'))).toEqual(['note "person/donald-trump": alias "Trump" is also an alias of "person/elon-musk"']);
  });

  it('rejects a note without sources or anchors', () => {
    const problems = problemsWith((note) => {
      note.sources = [];
      note.aliases = [];
    });
    expect(problems).toEqual(['note "person/elon-musk": needs at least one source', 'note "person/elon-musk": needs at least one alias or selector']);
  });

  it('rejects an unknown kind and a date that is not ISO', () => {
    const problems = problemsWith((note) => Object.assign(note, { kind: 'rumour', asOf: '18/02/2025' }));
    expect(problems).toEqual(['note "person/elon-musk": kind must be one of person, event, claim', 'note "person/elon-musk": asOf must be an ISO date (YYYY-MM-DD)']);
  });
});
