import { describe, expect, it } from 'vitest';
import { validateAnnotations } from '../../../build/validate.ts';
import type { AnnotationFile, Note, Source } from '../../../src/model/note.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';
import { PACK_FILE, problemsOf } from '../../support/validation.ts';

const FILE: AnnotationFile = PACK_FILE;

function problemsWith(change: (note: Note) => void, id = 'person/elon-musk'): string[] {
  return problemsOf((copy) => {
    const note = copy.notes.find((candidate) => candidate.id === id);
    if (!note) throw new Error(`no note ${id}`);
    change(note);
  });
}

/** A note with a known shape for the citation rules: two sources, the second state media. */
function withCitations(body: string, summary = 'A summary.', secondKind: Partial<Source> = { kind: 'state-media', outlet: 'RT' }): (note: Note) => void {
  return (note) => {
    note.summary = summary;
    note.body = body;
    note.sources = [
      { title: 'Reuters', url: 'https://example.com/reuters' },
      { title: 'RT', url: 'https://example.com/rt', ...secondKind },
    ];
  };
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
    const problems = problemsWith((note) => {
      note.sources.push({ title: 'Plain', url: 'http://example.com/' });
      note.body += ' Plain text.[6]';
    });
    expect(problems).toEqual(['note "person/elon-musk": source 6: url "http://example.com/" is not https']);
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
      note.body = 'A body with no figures, no dates and no quotes.';
    });
    expect(problems).toEqual(['note "person/elon-musk": needs at least one source', 'note "person/elon-musk": needs at least one alias or selector']);
  });

  it('rejects an unknown kind and a date that is not ISO', () => {
    const problems = problemsWith((note) => Object.assign(note, { kind: 'rumour', asOf: '18/02/2025' }));
    expect(problems).toEqual(['note "person/elon-musk": kind must be one of person, event, claim', 'note "person/elon-musk": asOf must be an ISO date (YYYY-MM-DD)']);
  });

  describe('summaries for the card', () => {
    it('fails a summary longer than 200 characters, naming the pack, the note and the length', () => {
      const copy: AnnotationFile = structuredClone(FILE);
      const note = copy.notes.find((candidate) => candidate.id === 'person/elon-musk');
      if (!note) throw new Error('no note');
      note.summary = `${'A summary that goes on '.repeat(9)}and on.`;
      expect([...note.summary]).toHaveLength(214);
      expect(() => validateAnnotations(copy, ARTICLE_TEXT)).toThrow(
        'Invalid annotation file of pack "musk-riyadh-2025":\n  - note "person/elon-musk": summary is 214 characters long; the card shows at most 200 (markers included): shorten it',
      );
    });

    it('accepts a summary of exactly 200 characters, counted in characters, not UTF-16 units', () => {
      expect(problemsWith((note) => (note.summary = `${'x'.repeat(196)}.[1]`))).toEqual([]);
      expect(problemsWith((note) => (note.summary = `${'𝔸'.repeat(199)}.`))).toEqual([]);
      expect(problemsWith((note) => (note.summary = `${'x'.repeat(197)}.[1]`))).toEqual([
        'note "person/elon-musk": summary is 201 characters long; the card shows at most 200 (markers included): shorten it',
      ]);
    });

    it('keeps every summary of the bundled pack within 200 characters', () => {
      for (const note of FILE.notes) expect([...note.summary].length, note.id).toBeLessThanOrEqual(200);
    });
  });

  describe('versions, change notes and withdrawals', () => {
    it('requires a version and an updated date on every note, naming the entry', () => {
      expect(problemsWith((note) => Reflect.deleteProperty(note, 'version'))).toEqual([
        'note "person/elon-musk": version is missing (1 for a new note; one more each time its substance changes)',
      ]);
      expect(problemsWith((note) => Reflect.deleteProperty(note, 'updated'))).toEqual(['note "person/elon-musk": updated is missing (the ISO date of this version, YYYY-MM-DD)']);
    });

    it('rejects a version that is not a whole number of at least 1, and an updated date that is not ISO', () => {
      expect(problemsWith((note) => Object.assign(note, { version: 0, updated: '7 Dec 2026' }))).toEqual([
        'note "person/elon-musk": version must be a whole number of at least 1, not 0',
        'note "person/elon-musk": updated must be an ISO date (YYYY-MM-DD), not "7 Dec 2026"',
      ]);
      expect(problemsWith((note) => Object.assign(note, { version: 1.5 }))).toEqual(['note "person/elon-musk": version must be a whole number of at least 1, not 1.5']);
      expect(problemsWith((note) => Object.assign(note, { version: '2' }))).toEqual(['note "person/elon-musk": version must be a whole number of at least 1, not "2"']);
    });

    it('needs a one-line change note of at most 160 characters from version 2', () => {
      expect(problemsWith((note) => Object.assign(note, { version: 2, updated: '2026-12-07' }))).toEqual([
        'note "person/elon-musk": version 2 needs a changeNote saying what changed (one line, at most 160 characters)',
      ]);
      expect(problemsWith((note) => Object.assign(note, { version: 2, updated: '2026-12-07', changeNote: 'What changed: the date.' }))).toEqual([]);
      expect(problemsWith((note) => Object.assign(note, { version: 2, updated: '2026-12-07', changeNote: `What changed: ${'x'.repeat(150)}` }))).toEqual([
        'note "person/elon-musk": changeNote is 164 characters long; at most 160',
      ]);
      expect(problemsWith((note) => Object.assign(note, { version: 2, updated: '2026-12-07', changeNote: 'What changed:\nthe date.' }))).toEqual([
        'note "person/elon-musk": changeNote must be one line of text',
      ]);
    });

    it('accepts a withdrawn note at a new version dated the day of withdrawal, and names what is wrong otherwise', () => {
      const withdrawn = { version: 2, updated: '2026-12-07', withdrawn: { on: '2026-12-07', reason: 'Merged into another note.' } };
      expect(problemsWith((note) => Object.assign(note, withdrawn))).toEqual([]);
      expect(problemsWith((note) => Object.assign(note, { ...withdrawn, version: 1, withdrawn: { on: '2026-12-08', reason: ' ' } }))).toEqual([
        'note "person/elon-musk": withdrawn.reason is missing or empty',
        'note "person/elon-musk": a withdrawn note needs a higher version than the one readers saw (at least 2)',
        'note "person/elon-musk": updated must be the day it was withdrawn (2026-12-08)',
      ]);
      expect(problemsWith((note) => Object.assign(note, { ...withdrawn, withdrawn: 'yes' }))).toEqual([
        'note "person/elon-musk": withdrawn must be { "on": date, "reason": text }',
      ]);
    });
  });

  describe('claim-level citations', () => {
    it('names the pack in the error', () => {
      const copy: AnnotationFile = structuredClone(FILE);
      copy.notes[0].body += ' It cost $5.';
      expect(() => validateAnnotations(copy, ARTICLE_TEXT)).toThrow(/pack "musk-riyadh-2025"/);
      expect(() => validateAnnotations(copy, ARTICLE_TEXT, 'other-pack')).toThrow(/pack "other-pack"/);
    });

    it('accepts a sentence with a figure, a date or a quote when it cites a source', () => {
      expect(problemsWith(withCitations('It happened on 12 Feb 2025.[1] He said “yes”.[1,2] Nothing else is claimed here.'))).toEqual([]);
    });

    it('fails a sentence with a figure, a month or a quotation mark and no source index, naming note and sentence', () => {
      const problems = problemsWith(withCitations('Costs rose by 40%. It happened in February.[1] He said “no”. RT said so.[2]'));
      expect(problems).toEqual([
        'note "person/elon-musk": body sentence 1 "Costs rose by 40%." states a figure ("40%") but cites no source (add [n])',
        'note "person/elon-musk": body sentence 3 "He said “no”." states a quote (“no”) but cites no source (add [n])',
      ]);
    });

    it('checks the summary as well as the body', () => {
      const problems = problemsWith(withCitations('Body.[1] RT said more.[2]', 'Since 2014, sanctions.'));
      expect(problems).toEqual(['note "person/elon-musk": summary sentence 1 "Since 2014, sanctions." states a year ("2014") but cites no source (add [n])']);
    });

    it('does not end a sentence at a full stop inside a quotation', () => {
      const problems = problemsWith(withCitations('He said: “It is over. We won.”[1] RT agreed.[2]'));
      expect(problems).toEqual([]);
    });

    it('fails an index that is out of range', () => {
      const problems = problemsWith(withCitations('It happened in 2022.[1,3] RT said so.[2]'));
      expect(problems).toEqual(['note "person/elon-musk": body sentence 1 "It happened in 2022." cites source 3, but the note has 2']);
      expect(problemsWith(withCitations('In 2022.[0] RT said so.[1,2]'))).toEqual(['note "person/elon-musk": body sentence 1 "In 2022." cites source 0, but the note has 2']);
    });

    it('fails a fact whose only source is state media, unless the sentence attributes it to that outlet', () => {
      const problems = problemsWith(withCitations('Talks lasted 4.5 hours.[2] Reuters says so.[1]'));
      expect(problems).toEqual([
        'note "person/elon-musk": body sentence 1 "Talks lasted 4.5 hours." rests only on state-media source "RT"; cite a source that carries the fact, or attribute it to the outlet by name',
      ]);
      expect(problemsWith(withCitations('RT said the talks lasted 4.5 hours.[2] Reuters says so.[1]'))).toEqual([]);
      expect(problemsWith(withCitations('Talks lasted 4.5 hours.[1,2]'))).toEqual([]);
    });

    it('applies the same rule to partisan sources', () => {
      const problems = problemsWith(withCitations('He said it in 2023.[2] Reuters too.[1]', 'A summary.', { kind: 'partisan', outlet: 'Gateway Pundit' }));
      expect(problems).toEqual([
        'note "person/elon-musk": body sentence 1 "He said it in 2023." rests only on partisan source "Gateway Pundit"; cite a source that carries the fact, or attribute it to the outlet by name',
      ]);
    });

    it('fails a note whose every source is state media or partisan', () => {
      const problems = problemsWith((note) => {
        withCitations('RT reported it in 2025.[1] RT said so.[2]')(note);
        note.sources[0] = { ...note.sources[0], kind: 'state-media', outlet: 'RT' };
      });
      expect(problems).toEqual(['note "person/elon-musk": every source is state media or partisan; add one that is neither']);
    });

    it('fails a source that no sentence cites, and a kind without an outlet', () => {
      expect(problemsWith(withCitations('In 2022.[1] Nothing more.'))).toEqual(['note "person/elon-musk": source 2 is never cited (mark the sentences it supports with [2])']);
      expect(problemsWith(withCitations('In 2022.[1] RT said so.[2]', 'A summary.', { kind: 'state-media' }))).toEqual([
        'note "person/elon-musk": source 2: a state-media source needs the outlet\'s name',
        'note "person/elon-musk": body sentence 2 "RT said so." rests only on state-media source "undefined"; cite a source that carries the fact, or attribute it to the outlet by name',
      ]);
      expect(problemsWith(withCitations('In 2022.[1] RT said so.[2]', 'A summary.', { kind: 'tabloid' as Source['kind'], outlet: 'RT' }))).toEqual([
        'note "person/elon-musk": source 2: kind must be one of state-media, partisan',
      ]);
    });

    it('fails a provenance note that does not exist', () => {
      const copy: AnnotationFile = structuredClone(FILE);
      copy.article.provenanceNote = 'claim/nowhere';
      expect(() => validateAnnotations(copy, ARTICLE_TEXT)).toThrow('article: provenanceNote "claim/nowhere" is not the id of a note');
    });
  });
});

describe('plain text', () => {
  it('reports markup in a note’s text or a source’s title, naming the note and the field', () => {
    expect(problemsOf((copy) => void (copy.notes[0].body = `${copy.notes[0].body} <script>alert(1)</script>`))).toEqual([`note "${PACK_FILE.notes[0].id}": body contains markup ("<script>"); notes are plain text`]);
    expect(problemsOf((copy) => void (copy.notes[0].sources[0].title = '<a href="https://x.example">x</a>'))).toEqual([`note "${PACK_FILE.notes[0].id}": source 1 title contains markup ("<a href=\\"https://x.example\\">"); notes are plain text`]);
  });

  it('reports markup in the article’s details', () => {
    expect(problemsOf((copy) => void (copy.article.publisher = 'Blitz <b>Daily</b>'))).toEqual(['article: publisher contains markup ("<b>"); notes are plain text']);
  });

  it('lets a comparison sign be text', () => {
    expect(problemsOf((copy) => void (copy.notes[0].title = `${copy.notes[0].title} (< 5 %)`))).toEqual([]);
  });
});
