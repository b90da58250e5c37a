// The many-packs marker look (core/one-pass.ts) against the few-packs one (substring search): the
// same markers found, whatever punctuation surrounds them, and its word boundaries never inside a word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordSearch, type GatePack } from '../../../src/core/detect.ts';
import { onePassSearch, SEPARATOR_CLASS } from '../../../src/core/one-pass.ts';

const packs: GatePack[] = [
  { slug: 'a', radius: 4000, minHits: 2, markers: ['Ushakov', 'Riyadh', 'sleepwalking'] },
  { slug: 'b', radius: 4000, minHits: 1, markers: ['Riyadh', 'Naïveté', 'Зеленский'] },
];
const found = (search: ReturnType<typeof wordSearch>, text: string) => [...new Set(search.candidates(text).flatMap((candidate) => candidate.packs.map((pack) => pack.slug)))].sort();

describe('the one-pass marker look', () => {
  it('never cuts a word at a letter, digit or mark (every UTF-16 code unit checked)', () => {
    const separator = new RegExp(`[${SEPARATOR_CLASS}]`);
    const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (separator.test(char) && wordCharacter.test(char)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('finds what the substring search finds, around any punctuation', () => {
    const word = fc.constantFrom('Ushakov', 'Riyadh', 'sleepwalking', 'Naïveté', 'Зеленский', 'Trump', 'talks', 'peace');
    const gap = fc.constantFrom(' ', ', ', '. ', ' (', ') ', '’s ', ' — ', '\u00a0', '«', '»', '\n', '」「', '、');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 30 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('');
        expect(found(onePassSearch(packs.map((pack) => `${pack.slug} ${pack.radius / 100} ${pack.minHits}`).join('|'), packs.map((pack) => pack.markers.join(' ')).join('|')), text)).toEqual(found(wordSearch(packs), text));
      }),
    );
  });
});
