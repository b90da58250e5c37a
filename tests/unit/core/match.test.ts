import { describe, expect, it } from 'vitest';
import { notes } from 'virtual:backstory-annotations';
import { compileNotes, findMatches, matchPage, type MatchableNote } from '../../../src/core/match.ts';
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

/** matchPage on a page's text, every word the article's own unless `foreign` says otherwise. */
function placements(text: string, list: readonly MatchableNote[], foreign: (word: string, start: number) => boolean = () => false) {
  const tokens = tokenize(text);
  const allowed = Uint8Array.from(tokens.starts, (start, i) => (foreign(text.slice(start, tokens.ends[i]), start) ? 0 : 1));
  const result = matchPage({ hashes: tokens.hashes, allowed, page: { text, starts: tokens.starts, ends: tokens.ends } }, compileNotes(list));
  const slice = (first: number, end: number) => text.slice(tokens.starts[first], tokens.ends[end - 1]);
  return {
    matches: result.matches.map((match) => ({ id: match.noteId, how: match.how, text: slice(match.first, match.end) })),
    reasons: result.quotes.map((quote) => quote.reason ?? quote.how),
  };
}

const quote = (exact: string, prefix?: string, suffix?: string): MatchableNote => ({
  id: 'claim/q',
  kind: 'claim',
  selectors: [{ type: 'TextQuoteSelector', exact, prefix, suffix }],
});

const AID = quote('taken a stance against continued unconditional military aid to Ukraine');
const KYIV = quote('Kyiv will not recognize any talks conducted without its direct involvement');

describe('edited quotes', () => {
  it('anchors a quote with a changed, added or dropped word, a respelling or a title, over the edited passage', () => {
    expect(placements('Musk has taken a firm stance against continued military aid to Ukraine, he said.', [AID]).matches).toEqual([
      { id: 'claim/q', how: 'edited', text: 'taken a firm stance against continued military aid to Ukraine' },
    ]);
    expect(placements('He said Kyiv will not recognise any talks held without its direct involvement.', [KYIV]).matches[0].text).toBe(
      'Kyiv will not recognise any talks held without its direct involvement',
    );
    const accused = quote('Trump has accused Biden of mishandling relations with Russia');
    const biden: MatchableNote = { id: 'person/biden', kind: 'person', aliases: ['Biden'], variants: ['President Joe Biden'] };
    const text = 'Mr Trump has accused President Joe Biden of mishandling relations with Russia.';
    expect(placements(text, [accused, trump, biden]).matches.find((match) => match.id === 'claim/q')?.text).toBe(
      'Trump has accused President Joe Biden of mishandling relations with Russia',
    );
    // Without a note naming "Joe", the added first name is a name the quote does not have.
    expect(placements(text, [accused, trump]).reasons).toEqual(['name']);
  });

  it('reads U.S., 20,000, Feb. 17, 17 February and won’t as the article writes US, 20,000, February 17 and will not', () => {
    expect(placements('He said Kyiv won’t recognize any talks conducted without its direct involvement.', [KYIV]).reasons).toEqual(['exact']);
    expect(placements('With U.S. election dynamics in play, aid', [quote('With US election dynamics in play')]).reasons).toEqual(['exact']);
    expect(placements('who in 2022 provided 20\u202f000 Starlink terminals', [quote('provided 20,000', 'who in 2022 ', ' Starlink')]).reasons).toEqual(['exact']);
    expect(placements('met the prince on Feb. 17. He is', [quote('February 17', 'the prince on ', '. He is')]).reasons).toEqual(['exact']);
    expect(placements('met the prince on 17 February. He is', [quote('February 17', 'the prince on ', '. He is')]).matches[0].text).toBe('17 February');
  });

  it('rejects a match that differs from the quote in a number, a date, a name or a negation', () => {
    expect(placements('if he returns to office in 2024.', [quote('if he returns to office in 2025')]).reasons).toEqual(['number']);
    expect(placements('met the prince on February 18. He is', [quote('February 17', 'the prince on ', '. He is')]).reasons).toEqual(['number']);
    expect(placements('met the prince on March 17. He is', [quote('February 17', 'the prince on ', '. He is')]).reasons).toEqual(['date']);
    expect(placements('ties with non-Western nations, particularly China, India, and South Africa.', [quote('China, India, and Brazil')]).reasons).toEqual(['name']);
    expect(placements('Washington has avoided direct talks with Chinese leadership.', [quote('Washington has avoided direct talks with Russian leadership')]).reasons).toEqual(['name']);
    expect(placements('clear that Kyiv will recognize any talks conducted without its direct involvement.', [KYIV]).reasons).toEqual(['negation']);
    expect(placements('Washington has not avoided direct talks with Russian leadership.', [quote('Washington has avoided direct talks with Russian leadership')]).reasons).toEqual(['negation']);
    expect(placements('Putin said the campaign to weaken Russia has “succeeded,” he said', [quote('the campaign to weaken Russia has “failed,”')]).reasons).toEqual(['quoted']);
    // Numbers in words and magnitudes, times, negating prefixes, names swapped.
    expect(placements('which has included millions in military and financial aid.', [quote('billions in military and financial aid')]).reasons).toEqual(['number']);
    expect(placements('While the former administration has pursued a strategy of isolating Russia', [quote('the current administration has pursued a strategy of isolating Russia')]).reasons).toEqual(['date']);
    expect(placements('Musk has taken a stance against continued conditional military aid to Ukraine.', [AID]).reasons).toEqual(['negation']);
    const accused = quote('Trump has accused Biden of mishandling relations with Russia');
    const names: MatchableNote[] = [accused, trump, { id: 'person/biden', kind: 'person', aliases: ['Biden'] }];
    expect(placements('Biden has accused Trump of mishandling relations with Russia.', names).reasons).toEqual(['name']);
    expect(placements('Donald Trump has accused Biden of mishandling relations with Russia.', names).reasons).toEqual(['exact']);
    // A word replaced by its opposite, paired or cut off.
    const mediator = quote('increasing role as a mediator in global conflicts');
    expect(placements('Saudi Arabia’s declining role as a mediator in global conflicts, having', [mediator]).reasons).toEqual(['opposite']);
    expect(placements('Musk has taken a stance for continued unconditional military aid to Ukraine.', [AID]).reasons).toEqual(['opposite']);
  });

  it('rejects a match with a negation, number or date of the page just before it in the same sentence, not in the previous one', () => {
    // The page's own words: not in the article's shingles.
    const inserted = (word: string) => ['never', 'denied', 'having', '2021'].includes(word);
    expect(placements('Musk has never taken a stance against continued unconditional military aid to Ukraine.', [AID], inserted).reasons).toEqual(['negation-before']);
    expect(placements('Musk denied having taken a stance against continued unconditional military aid to Ukraine.', [AID], inserted).reasons).toEqual(['negation-before']);
    expect(placements('That was never true. Musk has taken a stance against continued unconditional military aid to Ukraine.', [AID], inserted).reasons).toEqual(['exact']);
    // The article's own "not" (in its shingles) is no insertion.
    expect(placements('Musk has not taken a stance against continued unconditional military aid to Ukraine.', [AID]).reasons).toEqual(['exact']);
    expect(placements('Elon Musk, who in 2021 provided 20,000 Starlink terminals', [quote('provided 20,000', 'who in 2022 ', ' Starlink terminals')], inserted).reasons).toEqual(['number-before']);
  });

  it('anchors a one- or two-word quote only where its prefix and suffix agree', () => {
    const upcoming = quote('upcoming', 'voiced his support for the ', ' US-Russia talks set to take place');
    const corrected = 'Musk voiced his support for the US-Russia talks held on Tuesday. Trump promised peace should he win the upcoming election.';
    expect(placements(corrected, [upcoming])).toEqual({ matches: [], reasons: ['context'] });
    expect(placements('Musk voiced his support for the upcoming US-Russia talks due to take place', [upcoming]).reasons).toEqual(['exact']);
    expect(placements('Zelensky recently denied that his government', [quote('recently admitted', 'President Volodymyr Zelensky ', ' that his government')]).matches).toEqual([]);
    expect(placements('Billionaire entrepreneur and political influencer', [quote('political influencer')]).reasons).toEqual(['context']);
  });

  it('lets context take part in the score: more edits pass where the prefix and suffix agree', () => {
    const withContext = quote('Washington has avoided direct talks with Russian leadership', 'Since Moscow launched its military operation in 2022, ', ', instead imposing economic sanctions');
    const bare = quote('Washington has avoided direct talks with Russian leadership');
    const text = 'Since Moscow launched its military operation in 2022, Washington has shunned any direct contact with Russian leadership, instead imposing economic sanctions.';
    expect(placements(text, [withContext]).reasons).toEqual(['edited']);
    expect(placements(text, [bare]).reasons).toEqual(['too-different']);
  });

  it('never takes a sentence of the page inside a quote', () => {
    const text = 'Washington has avoided, say officials who spoke on condition of anonymity, direct talks with Russian leadership.';
    expect(placements(text, [quote('Washington has avoided direct talks with Russian leadership')]).reasons).toEqual(['too-different']);
  });
});

describe('names as readers write them', () => {
  const lavrov: MatchableNote = { id: 'person/lavrov', kind: 'person', aliases: ['Sergey Lavrov', 'Lavrov'], variants: ['Sergei Lavrov'] };
  const disney: MatchableNote = { id: 'event/disney-plus', kind: 'event', aliases: ['Disney+'] };
  const mouse: MatchableNote = { id: 'event/disney', kind: 'event', aliases: ['Disney'] };

  it('highlights variants inside the article’s blocks, not in other blocks', () => {
    const text = 'a delegation led by Sergei Lavrov arrives in Riyadh for talks\nMost read: Sergei Lavrov and others';
    const sidebar = (_word: string, start: number) => start > text.indexOf('\n');
    expect(placements(text, [lavrov], sidebar).matches).toEqual([{ id: 'person/lavrov', how: 'alias', text: 'Sergei Lavrov' }]);
  });

  it('does not take a comment that quotes one line of the article among its own words for the article', () => {
    const quoted = 'arrives in Riyadh for the first direct negotiations';
    const comment = `Great piece, but Lavrov said nothing new: "${quoted}" is what they all wrote, and every reader here knew it already, as did my whole town`;
    const text = `a delegation led by Sergei Lavrov ${quoted}\n${comment}`;
    const commentStart = text.indexOf('\n');
    const quoteStart = text.indexOf(quoted, commentStart);
    const own = (_word: string, start: number) => start > commentStart && (start < quoteStart || start >= quoteStart + quoted.length);
    expect(placements(text, [lavrov], own).matches).toEqual([{ id: 'person/lavrov', how: 'alias', text: 'Sergei Lavrov' }]);
  });

  it('still matches the article’s own words in a block that is mostly other text (a page in one big block)', () => {
    const run = 'a delegation led by Sergey Lavrov arrives in Riyadh for talks';
    const text = `Menu Home World Business Sport Weather Login Subscribe Search Trending Topics Newsletter Podcasts Video ${run} Share this article on social media and read our other stories today about the economy, sport, weather and culture`;
    const runStart = text.indexOf(run);
    const other = (_word: string, start: number) => start < runStart || start >= runStart + run.length;
    expect(placements(text, [lavrov], other).matches).toEqual([{ id: 'person/lavrov', how: 'alias', text: 'Sergey Lavrov' }]);
  });

  it('matches a name only where its symbols match', () => {
    expect(placements('Disney+ and Disney, then #Disney', [disney, mouse]).matches).toEqual([
      { id: 'event/disney-plus', how: 'alias', text: 'Disney' },
      { id: 'event/disney', how: 'alias', text: 'Disney' },
    ]);
  });
});
