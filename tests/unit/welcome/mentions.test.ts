import { describe, expect, it } from 'vitest';
import { excerpt, notes } from 'virtual:backstory-annotations';
import type { Note } from '../../../src/model/note.ts';
import { findMentions } from '../../../src/welcome/mentions.ts';

const note = (id: string, kind: Note['kind'], forms: { aliases?: string[]; exact?: string[] }): Note => ({
  id,
  kind,
  title: id,
  summary: '',
  body: '',
  asOf: '2025-02-18',
  version: 1,
  updated: '2025-02-18',
  aliases: forms.aliases,
  selectors: forms.exact?.map((exact) => ({ type: 'TextQuoteSelector', exact })),
  sources: [],
});

describe('findMentions (the first-run page’s excerpt)', () => {
  it('finds every whole-word occurrence of an alias, the longest where two start together', () => {
    const putin = note('person/putin', 'person', { aliases: ['President Vladimir Putin', 'Putin'] });
    const text = 'President Vladimir Putin met Putinists; Putin left.';
    expect(findMentions(text, [putin]).map((mention) => text.slice(mention.start, mention.end))).toEqual(['President Vladimir Putin', 'Putin']);
  });

  it('keeps the first of two overlapping mentions, and finds quoted claims', () => {
    const talks = note('event/talks', 'event', { aliases: ['US-Russia talks'] });
    const upcoming = note('claim/upcoming', 'claim', { exact: ['upcoming US-Russia'] });
    const text = 'the upcoming US-Russia talks';
    expect(findMentions(text, [talks, upcoming]).map((mention) => mention.note.id)).toEqual(['claim/upcoming']);
  });

  it('never marks a withdrawn note', () => {
    const withdrawn: Note = { ...note('person/putin', 'person', { aliases: ['Putin'] }), version: 2, withdrawn: { on: '2026-12-07', reason: 'test' } };
    expect(findMentions('Putin spoke.', [withdrawn])).toEqual([]);
  });

  it('marks all three kinds in the shipped excerpt', () => {
    expect(excerpt).toHaveLength(2);
    const kinds = new Set(excerpt.flatMap((paragraph) => findMentions(paragraph, notes).map((mention) => mention.note.kind)));
    expect([...kinds].sort()).toEqual(['claim', 'event', 'person']);
  });
});
