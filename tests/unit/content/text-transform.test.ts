import { describe, expect, it } from 'vitest';
import { applyTextTransform, knownTransform, sameWordsAfterTransform } from '../../../src/content/text-transform.ts';

describe('text-transform as the reader sees it', () => {
  it('applies the case transforms, locale-aware', () => {
    expect(applyTextTransform('has failed', 'uppercase')).toBe('HAS FAILED');
    expect(applyTextTransform('HAS Failed', 'lowercase')).toBe('has failed');
    expect(applyTextTransform('the west’s o’neill campaign', 'capitalize')).toBe('The West’S O’Neill Campaign');
    expect(applyTextTransform('undisclosed', 'uppercase', 'tr')).toBe('UNDİSCLOSED');
    expect(applyTextTransform('Straße', 'uppercase')).toBe('STRASSE');
  });

  it('applies full-width and full-size-kana, and combinations', () => {
    expect(applyTextTransform('not 12', 'full-width')).toBe('ｎｏｔ\u3000１２');
    expect(applyTextTransform('ァィ', 'full-size-kana')).toBe('アイ');
    expect(applyTextTransform('not', 'uppercase full-width')).toBe('ＮＯＴ');
  });

  it('keeps the words when only the case changes', () => {
    expect(sameWordsAfterTransform('has “failed,”', 'uppercase')).toBe(true);
    expect(sameWordsAfterTransform('RIYADH talks', 'lowercase')).toBe(true);
    expect(sameWordsAfterTransform('remain undisclosed', 'capitalize')).toBe(true);
    expect(sameWordsAfterTransform('anything', 'none')).toBe(true);
  });

  it('tells when the reader would read other letters', () => {
    expect(sameWordsAfterTransform('undisclosed', 'uppercase', 'tr')).toBe(false);
    expect(sameWordsAfterTransform('Straße', 'uppercase')).toBe(false);
    expect(sameWordsAfterTransform('failed', 'full-width')).toBe(false);
  });

  it('does not guess at keywords it does not know', () => {
    expect(knownTransform('uppercase full-width')).toBe(true);
    expect(knownTransform('math-auto')).toBe(false);
    expect(sameWordsAfterTransform('x', 'math-auto')).toBe(false);
  });
});
