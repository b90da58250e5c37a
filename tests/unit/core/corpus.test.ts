// Detection against real pages (the corpus sample vendored in tests/fixtures/corpus): none of them
// is the article; each of them carries it once the article is placed into its template.
import { describe, expect, it } from 'vitest';
import { paragraphsHtml, withDropCap, withLinkedNames } from '../../support/article.ts';
import { corpusPages, placeInto, roughTextContent, vendoredPageNames } from '../../support/corpus.ts';
import { detects, share } from '../../support/detect.ts';

describe('the corpus of real pages', () => {
  const pages = corpusPages();

  it('holds every page the fixtures manifest lists', () => {
    expect(pages.map((page) => page.name)).toEqual(vendoredPageNames());
  });

  it('has no page detected as the article', () => {
    const detected = pages.filter((page) => detects(roughTextContent(page.html)));
    expect(detected.map((page) => page.name)).toEqual([]);
    const highest = Math.max(...pages.map((page) => share(roughTextContent(page.html))));
    console.info(`corpus: ${pages.length} pages, none detected; highest containment ${highest.toFixed(3)}`);
  });

  it('detects the article placed into every page template', () => {
    const layouts = [paragraphsHtml(), withLinkedNames(paragraphsHtml()), withDropCap()];
    const missed = pages.filter((page, i) => !detects(roughTextContent(placeInto(page.html, layouts[i % layouts.length]))));
    expect(missed.map((page) => page.name)).toEqual([]);
  });
});
