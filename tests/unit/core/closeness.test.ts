// "Check this page": how close a page comes to each pack's article, against what detection needs.
import { describe, expect, it } from 'vitest';
import { packs } from 'virtual:backstory-detection';
import { closeness } from '../../../src/core/closeness.ts';
import { PARAGRAPHS } from '../../support/article.ts';

describe('closeness', () => {
  it('finds all of the article in the article, and every rare word', () => {
    const [closest] = closeness(PARAGRAPHS.join('\n\n'), packs);
    expect(closest.slug).toBe('musk-riyadh-2025');
    expect(closest.found).toBeGreaterThan(0.9);
    expect(closest.markersFound).toBe(closest.markersTotal);
  });

  it('says how far a short excerpt is from what detection needs', () => {
    const [closest] = closeness(PARAGRAPHS.slice(0, 2).join('\n\n'), packs);
    expect(closest.found).toBeGreaterThan(0);
    expect(closest.found).toBeLessThan(closest.needed);
  });

  it('finds nothing of the article in a page about something else', () => {
    const [closest] = closeness('The weather in Lisbon will be mild this week, with rain on Thursday.', packs);
    expect([closest.found, closest.markersFound]).toEqual([0, 0]);
  });
});
