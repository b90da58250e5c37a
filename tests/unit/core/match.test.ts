import { describe, expect, it } from 'vitest';
import { notes } from 'virtual:backstory-annotations';
import { compileNotes, findMatches, type MatchableNote } from '../../../src/core/match.ts';
import { tokenize } from '../../../src/core/tokenize.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

function matchesIn(text: string, list: readonly MatchableNote[], allowed?: (word: string) => boolean) {
  const tokens = tokenize(text);
  const words = [...tokens.starts].map((start, i) => text.slice(start, tokens.ends[i]));
  const mask = Uint8Array.from(words, (word) => (allowed && !allowed(word) ? 0 : 1));
  return findMatches(tokens.hashes, mask, compileNotes(list)).map((match) => ({
    id: match.noteId,
    text: text.slice(tokens.starts[match.first], tokens.ends[match.end - 1]),
  }));
}

const trump: MatchableNote = { id: 'person/trump', kind: 'person', aliases: ['Trump', 'President Donald Trump', 'President Trump'] };
const putin: MatchableNote = { id: 'person/putin', kind: 'person', aliases: ['Putin', 'President Putin'] };

describe('findMatches', () => {
  it('prefers the longest alias and never overlaps mentions', () => {
    expect(matchesIn('President Donald Trump met President Putin; Trump’s aides and Putin.', [trump, putin])).toEqual([
      { id: 'person/trump', text: 'President Donald Trump' },
      { id: 'person/putin', text: 'President Putin' },
      { id: 'person/trump', text: 'Trump' },
      { id: 'person/putin', text: 'Putin' },
    ]);
  });

  it('matches whole words only', () => {
    expect(matchesIn('Trumpet players and Putinism', [trump, putin])).toEqual([]);
  });

  it('matches names split by soft hyphens or wrapped across inline markup', () => {
    expect(matchesIn('Presi\u00addent Tru\u200bmp', [trump])).toEqual([{ id: 'person/trump', text: 'Presi\u00addent Tru\u200bmp' }]);
  });

  it('ignores words outside the article', () => {
    expect(matchesIn('Trump said Putin', [trump, putin], (word) => word !== 'Trump')).toEqual([{ id: 'person/putin', text: 'Putin' }]);
  });

  it('matches no mention or quote with words of the page inside it, and skips such words between mentions', () => {
    const claim: MatchableNote = { id: 'claim/talks', kind: 'claim', selectors: [{ type: 'TextQuoteSelector', exact: 'Washington has avoided direct talks' }] };
    const inserted = new Set(['NOT', 'Donald', 'Advertisement']);
    const fromArticle = (word: string) => !inserted.has(word);
    expect(matchesIn('Washington has NOT avoided direct talks with President Donald Trump.', [claim, trump], fromArticle)).toEqual([{ id: 'person/trump', text: 'Trump' }]);
    expect(matchesIn('Washington has avoided direct talks. Advertisement President Trump', [claim, trump], fromArticle)).toEqual([
      { id: 'claim/talks', text: 'Washington has avoided direct talks' },
      { id: 'person/trump', text: 'President Trump' },
    ]);
  });

  it('places a quote where it is whole when the copy with the better context has a word of the page inside it', () => {
    const note: MatchableNote = { id: 'claim/vote', kind: 'claim', selectors: [{ type: 'TextQuoteSelector', exact: 'upcoming vote', prefix: 'the third ', suffix: '' }] };
    const text = 'the first upcoming vote, the third upcoming NOT vote';
    expect(matchesIn(text, [note], (word) => word !== 'NOT')).toEqual([{ id: 'claim/vote', text: 'upcoming vote' }]);
  });

  it('places a repeated quote by its prefix and suffix', () => {
    const note: MatchableNote = {
      id: 'claim/upcoming',
      kind: 'claim',
      selectors: [{ type: 'TextQuoteSelector', exact: 'upcoming', prefix: 'the third ', suffix: ' vote' }],
    };
    const text = 'the first upcoming talk, the second upcoming meeting, the third upcoming vote';
    const [match] = matchesIn(text, [note]);
    const tokens = tokenize(text);
    expect(match.text).toBe('upcoming');
    expect(text.lastIndexOf('upcoming')).toBe(tokens.starts[findMatches(tokens.hashes, new Uint8Array(tokens.hashes.length).fill(1), compileNotes([note]))[0].first]);
  });

  it('anchors every bundled note in the article', () => {
    const anchored = new Set(matchesIn(ARTICLE_TEXT, notes).map((match) => match.id));
    expect(notes.filter((note) => !anchored.has(note.id)).map((note) => note.id)).toEqual([]);
  });

  it('finds every mention of Trump in the article, whatever form the name takes', () => {
    const mentions = ARTICLE_TEXT.match(/\bTrump\b/g)?.length ?? 0;
    const trumpMatches = matchesIn(ARTICLE_TEXT, notes).filter((match) => match.id === 'person/donald-trump');
    expect(trumpMatches).toHaveLength(mentions);
    expect(trumpMatches.map((match) => match.text)).toContain('President Donald Trump');
  });
});
