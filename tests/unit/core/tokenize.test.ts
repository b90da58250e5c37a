import { describe, expect, it } from 'vitest';
import { tokenize, wordHashes } from '../../../src/core/tokenize.ts';

const words = (text: string) => {
  const tokens = tokenize(text);
  return [...tokens.starts].map((start, i) => text.slice(start, tokens.ends[i]));
};

describe('tokenize', () => {
  it('splits on spaces and punctuation and keeps offsets into the source', () => {
    expect(words('Musk, an ally of President Donald Trump.')).toEqual(['Musk', 'an', 'ally', 'of', 'President', 'Donald', 'Trump']);
  });

  it('treats case, straight and curly apostrophes alike', () => {
    expect(wordHashes('Trump’s MUSK')).toEqual(wordHashes("trump's musk"));
  });

  it('ignores soft hyphens and zero-width characters inside words', () => {
    expect(wordHashes('Zel\u00adensky Ri\u200byadh Mu\u200dsk\ufeff')).toEqual(wordHashes('Zelensky Riyadh Musk'));
  });

  it('splits at non-breaking spaces and hyphens', () => {
    expect(wordHashes('US-Russia\u00a0talks')).toEqual(wordHashes('US Russia talks'));
  });

  it('keeps letters of other scripts as words', () => {
    expect(words('Путин и Трамп 普京')).toEqual(['Путин', 'и', 'Трамп', '普京']);
    expect(wordHashes('ПУТИН')).toEqual(wordHashes('путин'));
  });

  it('ends a word at its last visible character, not at a trailing soft hyphen', () => {
    expect(words('Lavrov\u00ad arrives')).toEqual(['Lavrov', 'arrives']);
  });

  it('finds no words in punctuation and whitespace', () => {
    expect(wordHashes(' … “ ” — \n\t ')).toEqual([]);
  });
});

describe('tokenize within spans', () => {
  it('reads only the given spans, keeping offsets into the whole text', () => {
    const text = 'alpha beta gamma delta epsilon';
    const tokens = tokenize(text, [
      [0, 10],
      [17, 22],
    ]);
    expect([...tokens.starts].map((start, i) => text.slice(start, tokens.ends[i]))).toEqual(['alpha', 'beta', 'delta']);
  });
});
