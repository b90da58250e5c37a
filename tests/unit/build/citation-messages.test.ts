// A missing-citation problem quotes the whole sentence and names what made a source necessary.
import { describe, expect, it } from 'vitest';
import { citationTriggers, needsCitation } from '../../../src/model/citations.ts';
import { PACK_FILE, problemsOf } from '../../support/validation.ts';

const FILE = PACK_FILE;

function problemsWithBody(body: string): string[] {
  return problemsOf((copy) => {
    const note = copy.notes[0];
    note.summary = 'A summary.';
    note.body = `${body} Plain words.[1]`;
    note.sources = [note.sources[0]];
  });
}

describe('citationTriggers', () => {
  it.each([
    ['He spent more than $250m backing Trump and Republicans in 2024.', ['a figure ("$250m")', 'a year ("2024")']],
    ['On 17 Feb 2025 he posted “This is what competent leadership looks like”.', ['a date ("17 Feb 2025")', 'a quote (“This is what competent leadership looks like”)']],
    ['Talks began on February 18, 2025 in Riyadh.', ['a date ("February 18, 2025")']],
    ['The G7 met.', ['a figure ("G7")']],
    ['Costs rose by 1,000.5%.[2]', ['a figure ("1,000.5%")']],
    ['Nothing here needs a source.', []],
  ])('%s', (sentence, expected) => {
    expect(citationTriggers(sentence)).toEqual(expected);
  });

  it('names a trigger whenever a sentence needs a citation', () => {
    for (const note of FILE.notes) {
      for (const text of [note.summary, note.body]) {
        for (const sentence of text.split(/(?<=\.)\s+/)) if (needsCitation(sentence)) expect(citationTriggers(sentence), sentence).not.toEqual([]);
      }
    }
  });
});

describe('the missing-citation problem', () => {
  it('quotes a long sentence whole, never cut mid-word, and names the date that made it need a source', () => {
    const sentence =
      'After weeks of speculation about where and when the two delegations would meet, the first direct talks between the two governments since the invasion opened in Riyadh on 18 Feb 2025.';
    expect(problemsWithBody(sentence)).toEqual([`note "${FILE.notes[0].id}": body sentence 1 "${sentence}" states a date ("18 Feb 2025") but cites no source (add [n])`]);
  });
});
