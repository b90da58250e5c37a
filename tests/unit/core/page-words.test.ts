import { describe, expect, it } from 'vitest';
import { readWords } from '../../../src/core/page-words.ts';
import { tokenize } from '../../../src/core/tokenize.ts';
import { skeleton } from '../../../src/core/word-classes.ts';

const read = (text: string) => readWords({ text, ...tokenize(text) });

describe('words read as written', () => {
  it('gives a month its own spelling skeleton, also after its abbreviation was read as that month', () => {
    // Read first in this module: "Sept." is read as "September".
    const abbreviated = read('talks resumed on Sept. 5 in Riyadh');
    const full = read('the talks in September were held in Riyadh');
    expect(full.hash[3]).toBe(abbreviated.hash[3]);
    expect(full.skeleton[3]).toBe(skeleton('September'));
    expect(full.skeleton[3]).not.toBe(abbreviated.skeleton[3]);
  });
});
