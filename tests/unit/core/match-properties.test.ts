// Properties of matching on edited copies of the article, with random edits (fast-check): edits
// away from a quote never orphan it; a changed number, date or negation inside it, or a negation or
// number of the page just before it in its sentence, always does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { createTextAnchorer } from '../../../src/core/anchor-text.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

const anchorText = createTextAnchorer(pack);
const TEXT = ARTICLE_TEXT.replace(/\nLeave a Reply\s*$/, '').trimEnd();

interface Place {
  key: string;
  start: number;
  end: number;
}

function placesIn(text: string): Map<string, Place> {
  const { words, matches } = anchorText(text);
  const places = new Map<string, Place>();
  for (const match of matches) {
    if (match.selector === undefined) continue;
    const key = `${match.noteId}#${match.selector + 1}`;
    places.set(key, { key, start: words.starts[match.first], end: words.ends[match.end - 1] });
  }
  return places;
}

const ORIGINAL = placesIn(TEXT);
const QUOTES = [...ORIGINAL.values()];
/** Space-separated pieces of the article, with their offsets. */
const PIECES = [...TEXT.matchAll(/[^ ]+/g)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
const NEUTRAL = ['also', 'meanwhile', 'indeed', 'broadly', 'again', 'today', 'significant', 'local', 'several', 'quickly'];

type Edit = { at: number; op: 'insert' | 'delete' | 'replace' | 'typo'; word: string };

function applyEdits(edits: readonly Edit[]): string {
  const pieces = PIECES.map((piece) => piece.text);
  for (const { at, op, word } of [...edits].sort((a, b) => b.at - a.at)) {
    const piece = pieces[at];
    if (op === 'insert') pieces.splice(at, 0, word);
    else if (op === 'delete' && !piece.includes('\n')) pieces.splice(at, 1);
    else if (op === 'replace' && !piece.includes('\n')) pieces[at] = word;
    else if (op === 'typo' && /^\p{L}{5,}$/u.test(piece)) pieces[at] = piece.slice(0, 2) + piece[3] + piece[2] + piece.slice(4);
  }
  return pieces.join(' ');
}

describe('random edits', () => {
  it('never orphan a quote when they are at least 15 words away from it', () => {
    const quoteAndEdits = fc.integer({ min: 0, max: QUOTES.length - 1 }).chain((q) => {
      const { start, end } = QUOTES[q];
      const first = PIECES.findIndex((piece) => piece.end > start);
      const last = PIECES.findIndex((piece) => piece.end >= end);
      const away = PIECES.map((_, i) => i).filter((i) => i < first - 15 || i > last + 15);
      const edit = fc.record({
        at: fc.constantFrom(...away),
        op: fc.constantFrom<Edit['op']>('insert', 'delete', 'replace', 'typo'),
        word: fc.constantFrom(...NEUTRAL),
      });
      return fc.tuple(fc.constant(q), fc.array(edit, { minLength: 1, maxLength: 8 }));
    });
    fc.assert(
      fc.property(quoteAndEdits, ([q, edits]) => {
        const { key, start, end } = QUOTES[q];
        const text = applyEdits(edits);
        const place = placesIn(text).get(key);
        expect(place, `${key} orphaned`).toBeDefined();
        expect(text.slice(place?.start, place?.end)).toBe(TEXT.slice(start, end));
      }),
      { numRuns: 150, seed: 20 },
    );
  });
});

/** A quote and a change of its meaning: the text changed, and which quote must then orphan. */
interface Change {
  key: string;
  text: string;
}

const quoteText = (key: string) => {
  const place = ORIGINAL.get(key);
  if (!place) throw new Error(`${key} does not anchor in the article`);
  return place;
};
const replaceAt = (from: number, to: number, by: string) => TEXT.slice(0, from) + by + TEXT.slice(to);

const NEGATIONS = ['not', 'never', 'no longer', 'denied', 'allegedly', 'falsely'];
const MONTHS = ['January', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A negation inserted between two words of a quote, or among the three words before it in its sentence. */
const negationInserted = fc.record({ q: fc.integer({ min: 0, max: QUOTES.length - 1 }), gap: fc.nat(), negation: fc.constantFrom(...NEGATIONS) }).map(({ q, gap, negation }): Change => {
  const { key, start, end } = QUOTES[q];
  const sentenceStart = Math.max(TEXT.lastIndexOf('. ', start) + 2, TEXT.lastIndexOf('\n', start) + 1, TEXT.lastIndexOf('“', start) + 1);
  const before = PIECES.filter((piece) => piece.start >= sentenceStart && piece.end <= start).slice(-3).map((piece) => piece.start);
  const inside = PIECES.filter((piece) => piece.start > start && piece.start < end).map((piece) => piece.start);
  const places = [...before, ...inside];
  const at = places.length === 0 ? start : places[gap % places.length];
  return { key, text: replaceAt(at, at, `${negation} `) };
});

function numberChanged(key: string, pattern: RegExp, inside = true) {
  return fc.integer({ min: 1, max: 99_999 }).map((value): Change => {
    const { start, end } = quoteText(key);
    const from = inside ? start : Math.max(TEXT.lastIndexOf('. ', start), TEXT.lastIndexOf('\n', start));
    const found = pattern.exec(TEXT.slice(from, inside ? end : start));
    if (!found) throw new Error(`no ${pattern} in ${key}`);
    const old = found[0];
    const replacement = value.toLocaleString('en-US') === old ? String(value + 1) : value.toLocaleString('en-US');
    return { key, text: replaceAt(from + found.index, from + found.index + old.length, replacement) };
  });
}

const monthChanged = (key: string) =>
  fc.constantFrom(...MONTHS).map((month): Change => {
    const { start, end } = quoteText(key);
    const at = TEXT.indexOf('February', start);
    expect(at).toBeLessThan(end);
    return { key, text: replaceAt(at, at + 'February'.length, month) };
  });

const negationDropped = (key: string, word: string): Change => {
  const { start } = quoteText(key);
  const at = TEXT.indexOf(` ${word} `, start);
  return { key, text: replaceAt(at, at + word.length + 1, '') };
};

/** A word of a quote replaced by one of the same kind with another meaning (an opposite, another time, another magnitude). */
const wordTurned = (key: string, word: string, by: readonly string[]) =>
  fc.constantFrom(...by).map((replacement): Change => {
    const { start, end } = quoteText(key);
    const at = TEXT.indexOf(word, start);
    expect(at).toBeLessThan(end);
    return { key, text: replaceAt(at, at + word.length, replacement) };
  });

describe('changes of meaning', () => {
  it('orphan a quote: a changed number, date or negation inside or just before it, or a word turned into its opposite', () => {
    const change = fc.oneof(
      negationInserted,
      numberChanged('claim/first-since-2022#1', /2022/),
      numberChanged('claim/returns-to-office#1', /2025/),
      numberChanged('claim/starlink-provided#1', /20,000/),
      numberChanged('event/trump-putin-call#2', /12/),
      numberChanged('event/rubio-meets-mbs#1', /17/),
      numberChanged('claim/starlink-provided#1', /2022/, false),
      numberChanged('event/world-war-iii-remark#1', /2023/, false),
      monthChanged('event/trump-putin-call#2'),
      monthChanged('event/rubio-meets-mbs#1'),
      wordTurned('event/saudi-mediation#1', 'increasing', ['declining', 'decreasing', 'shrinking', 'falling']),
      wordTurned('event/musk-aid-stance#1', 'against', ['for']),
      wordTurned('event/musk-aid-stance#1', 'unconditional', ['conditional']),
      wordTurned('claim/current-administration#1', 'current', ['former', 'previous', 'next', 'last', 'past']),
      wordTurned('event/us-aid-scale#1', 'billions', ['millions', 'thousands', 'hundreds']),
      wordTurned('claim/chances-of-victory#1', 'admitted', ['denied']),
      fc.constantFrom(
        negationDropped('event/kyiv-will-not-recognize#1', 'not'),
        negationDropped('event/kyiv-will-not-recognize#1', 'without'),
        negationDropped('claim/chances-of-victory#2', 'without'),
      ),
    );
    fc.assert(
      fc.property(change, ({ key, text }) => {
        const place = placesIn(text).get(key);
        expect(place && `${key} on "${text.slice(place.start, place.end)}"`).toBeUndefined();
      }),
      { numRuns: 300, seed: 20 },
    );
  });
});
