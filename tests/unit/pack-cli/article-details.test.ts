// Import fills a new pack's empty title and address from the file, and never overwrites a pack's own.
import { describe, expect, it } from 'vitest';
import { articleDetailsIn, fillArticleDetails } from '../../../scripts/pack/article-details.ts';

const ARTICLE = 'https://news.example/2025/02/19/story';

describe('the article an imported file names', () => {
  it('from a W3C collection: its label, and the address most targets point at', () => {
    const collection = {
      type: 'AnnotationCollection',
      label: 'The headline',
      first: { type: 'AnnotationPage', items: [{ type: 'Annotation', target: [{ source: ARTICLE }, { source: ARTICLE }] }, { type: 'Annotation', target: 'https://elsewhere.example/' }] },
    };
    expect(articleDetailsIn(collection)).toEqual({ title: 'The headline', url: ARTICLE });
  });

  it('from a Hypothesis export: document.title and uri; an http address is not taken', () => {
    expect(articleDetailsIn({ rows: [{ uri: ARTICLE, document: { title: ['The headline'] } }] })).toEqual({ title: 'The headline', url: ARTICLE });
    expect(articleDetailsIn({ rows: [{ uri: 'http://news.example/story' }] })).toEqual({ title: undefined, url: undefined });
  });

  it('fills only what is empty, and says what it took', () => {
    const empty = { title: '', url: '', publisher: '' };
    expect(fillArticleDetails(empty, { title: 'T', url: ARTICLE })).toEqual({ article: { title: 'T', url: ARTICLE, publisher: '' }, filled: ['title "T"', `address ${ARTICLE}`] });
    const own = { title: 'Own', url: 'https://own.example/' };
    expect(fillArticleDetails(own, { title: 'T', url: ARTICLE })).toEqual({ article: own, filled: [] });
  });
});
