// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { createAnchorer } from '../../../src/content/anchor.ts';
import type { Rendering } from '../../../src/content/rendered-text.ts';
import { masked, vouch } from '../../../src/content/vouch.ts';
import { localTextAnchorer } from '../../support/anchoring.ts';
import { paragraphsHtml } from '../../support/article.ts';

const anchorer = createAnchorer(pack.notes, localTextAnchorer(pack));

/** jsdom lays nothing out: the check is given; here, everything in #unseen is not shown. */
const unseenIn = (id: string) => (range: Range): Rendering =>
  document.getElementById(id)?.contains(range.commonAncestorContainer) ? { ok: false, reason: 'hidden', partly: false } : { ok: true };

describe('vouching for rendered text only', () => {
  it('masks characters without moving any offset', async () => {
    const index = { text: 'Lavrov met Rubio in Riyadh', nodes: [], starts: [], shadowRoots: [] };
    expect(masked(index, [{ start: 11, end: 16 }, { start: 0, end: 6 }, { start: 3, end: 5 }]).text).toBe('       met       in Riyadh');
  });

  it('anchors quotes in the shown copy when an unseen copy comes first', async () => {
    document.body.innerHTML = `<div id="unseen"><article>${paragraphsHtml()}</article></div><article id="shown">${paragraphsHtml()}</article>`;
    const first = await anchorer.anchorNotes(document.body);
    const inUnseen = (range: Range) => !!document.getElementById('unseen')?.contains(range.commonAncestorContainer);
    const firstClaims = first.anchored.filter((item) => item.kind === 'claim');
    expect(firstClaims.length).toBeGreaterThan(10);
    expect(firstClaims.every((item) => inUnseen(item.range))).toBe(true);

    const { anchoring, withheld } = await vouch(first, anchorer.anchorIndex, unseenIn('unseen'));
    const claims = anchoring.anchored.filter((item) => item.kind === 'claim');
    expect(claims.length).toBe(firstClaims.length);
    expect(anchoring.anchored.some((item) => inUnseen(item.range))).toBe(false);
    // Names in the unseen copy are dropped silently: their notes are painted in the shown one.
    expect(withheld).toEqual([]);
    expect(anchoring.index).toBe(first.index);
  });

  it('withholds a note whose only place shows different words, with the reason, and keeps the rest', async () => {
    document.body.innerHTML = `<article>${paragraphsHtml()}</article>`;
    const first = await anchorer.anchorNotes(document.body);
    const failed = (range: Range): Rendering => (range.toString().includes('has “failed') ? { ok: false, reason: 'generated-content', partly: true } : { ok: true });
    const { anchoring, withheld } = await vouch(first, anchorer.anchorIndex, failed);
    expect(withheld).toEqual([{ id: 'claim/putin-failed-quote', title: 'Putin’s “failed” quote', reason: 'generated-content' }]);
    expect(anchoring.anchored).toHaveLength(first.anchored.length - 1);
  });

  it('lists a note whose words are all unseen and that is shown nowhere else', async () => {
    document.body.innerHTML = `<article>${paragraphsHtml()}</article>`;
    const first = await anchorer.anchorNotes(document.body);
    const unseen = (range: Range): Rendering => (range.toString().includes('remain undisclosed') ? { ok: false, reason: 'hidden', partly: false } : { ok: true });
    const { withheld } = await vouch(first, anchorer.anchorIndex, unseen);
    // The note's other quote ("it was revealed that") is painted: an unseen place of a shown note is not listed.
    expect(withheld).toEqual([]);
    const nowhere = (range: Range): Rendering => (range.toString().includes('has “failed') ? { ok: false, reason: 'hidden', partly: false } : { ok: true });
    expect((await vouch(first, anchorer.anchorIndex, nowhere)).withheld).toEqual([{ id: 'claim/putin-failed-quote', title: 'Putin’s “failed” quote', reason: 'hidden' }]);
  });

  it('gives up after a few unseen copies', async () => {
    document.body.innerHTML = Array.from({ length: 6 }, () => `<article>${paragraphsHtml()}</article>`).join('');
    const first = await anchorer.anchorNotes(document.body);
    let checked = 0;
    const { anchoring } = await vouch(first, anchorer.anchorIndex, () => (checked++, { ok: false, reason: 'hidden', partly: false }));
    expect(anchoring.anchored).toEqual([]);
    expect(checked).toBeLessThan(first.anchored.length * 5);
  });
});
