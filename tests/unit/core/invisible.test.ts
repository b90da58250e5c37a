import { describe, expect, it } from 'vitest';
import { isInvisible, mayHaveInvisible, withoutInvisible } from '../../../src/core/invisible.ts';
import { wordHashes } from '../../../src/core/tokenize.ts';

describe('invisible characters', () => {
  it('are exactly Unicode’s Default_Ignorable_Code_Point set', () => {
    const property = /\p{Default_Ignorable_Code_Point}/u;
    const mismatches: string[] = [];
    for (let codePoint = 0; codePoint < 0x110000; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      if (property.test(String.fromCodePoint(codePoint)) !== isInvisible(codePoint)) mismatches.push(codePoint.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it('are flagged by the quick look whenever present, and removed', () => {
    for (const char of ['\u00ad', '\u034f', '\u2062', '\ufe0f', '\u{e0041}', '\u{1d173}', '\u{1bca0}']) {
      expect(mayHaveInvisible(`Ush${char}akov`)).toBe(true);
      expect(withoutInvisible(`Ush${char}akov`)).toBe('Ushakov');
    }
    expect(mayHaveInvisible('Ushakov, Лавров, 習近平, 🙂')).toBe(false);
  });

  it('do not change a word’s hash, inside it or around it', () => {
    const [ushakov] = wordHashes('Ushakov');
    for (const char of ['\u00ad', '\u034f', '\u2062', '\ufe0f', '\u{e0041}', '\u{e007f}', '\u200d']) {
      expect(wordHashes(`Ush${char}akov`)).toEqual([ushakov]);
      expect(wordHashes(`${char}Ushakov${char}`)).toEqual([ushakov]);
    }
  });

  it('leave visible astral characters in words', () => {
    expect(wordHashes('a🙂b')).toHaveLength(1);
    expect(wordHashes('a🙂b')).not.toEqual(wordHashes('ab'));
  });
});
