// Issue 19, item 4: the article is found where readers see it: in shadow roots attached or filled
// after load, in a shadow root on a page with plenty of its own text, inside SVG <foreignObject>.
import { describe, expect, it } from 'vitest';
import type { TestBrowser, TestPage } from './harness/browsers.ts';
import { articleAddedToChangingPage, articleAddedWhileRead, articleInForeignObject, articleInSkippedText, articleInSrcdocFrame, lateShadowRoot, page, shadowArticleOnTextRichPage } from './harness/fixture-pages.ts';
import { highlightPoint, popoverState, sleep, totalHighlights, waitFor } from './harness/page-probes.ts';
import { useSession } from './harness/session.ts';

/** The demo article's people, events and claims: well over this many highlights when it is found. */
const FOUND = 60;

/** Highlights whose range starts inside an element matching `selector` (through shadow roots: the root's host). */
const highlightsWhere = (tab: TestPage, where: 'shadow' | 'foreignObject') =>
  tab.evaluate((kind) => {
    let count = 0;
    CSS.highlights.forEach((highlight) =>
      highlight.forEach((range) => {
        const node = (range as AbstractRange).startContainer;
        const inside = kind === 'shadow' ? node.getRootNode() instanceof ShadowRoot : node.parentElement?.closest('foreignObject') !== null;
        if (inside) count++;
      }),
    );
    return count;
  }, where);

export function describeFinding(launch: () => Promise<TestBrowser>): void {
  const session = useSession(launch);

  async function open(path: string, html: string): Promise<TestPage> {
    const tab = await session.browser.newPage();
    await tab.goto(session.server.page(path, html));
    return tab;
  }

  describe('articles where readers see them', () => {
    it.each([
      ['attaches', 'late'],
      ['fills', 'early'],
    ] as const)('highlights an article whose web component %s its shadow root 0.5 s after load', async (_what, attach) => {
      const tab = await open(`/late-shadow-${attach}.html`, lateShadowRoot(attach));
      expect(await waitFor(() => highlightsWhere(tab, 'shadow'), (count) => count > FOUND, 15_000)).toBeGreaterThan(FOUND);
      await tab.close();
    });

    it('highlights an article that a page of 2 MB puts above the part already read while the gate reads it', async () => {
      const tab = await open('/added-while-read.html', articleAddedWhileRead());
      expect(await waitFor(() => totalHighlights(tab), (count) => count > FOUND, 15_000)).toBeGreaterThan(FOUND);
      await tab.close();
    });

    it('highlights an article added to a page that changes every frame, which the gate reads whole rather than change by change', async () => {
      const tab = await open('/changing-page.html', articleAddedToChangingPage());
      expect(await waitFor(() => totalHighlights(tab), (count) => count > FOUND, 15_000)).toBeGreaterThan(FOUND);
      // The page's own clock kept running.
      const clock = () => tab.evaluate(() => Number(document.getElementById('clock')?.textContent), null);
      const before = await clock();
      await sleep(200);
      expect(await clock()).toBeGreaterThan(before);
      await tab.close();
    });

    it('highlights an article in a web component’s shadow root on a page with more than 40,000 characters of its own text', async () => {
      const tab = await open('/shadow-on-news-page.html', shadowArticleOnTextRichPage());
      expect(await tab.evaluate(() => document.body.textContent?.length ?? 0, null)).toBeGreaterThan(40_000);
      expect(await waitFor(() => highlightsWhere(tab, 'shadow'), (count) => count > FOUND)).toBeGreaterThan(FOUND);
      await tab.close();
    });

    it('highlights an article inside an SVG <foreignObject>, opens its notes, and the popup says it was found', async () => {
      const tab = await open('/foreign-object.html', articleInForeignObject());
      expect(await waitFor(() => highlightsWhere(tab, 'foreignObject'), (count) => count > FOUND)).toBeGreaterThan(FOUND);
      const point = await highlightPoint(tab, 'backstory-person', 'Lavrov');
      expect(point).not.toBeNull();
      await tab.mouse.move(point?.x ?? 0, point?.y ?? 0);
      expect(await waitFor(() => popoverState(tab), (state) => state.open)).toMatchObject({ title: 'Sergey Lavrov' });
      await tab.bringToFront();
      const popup = await session.browser.openPopup();
      const status = await waitFor(() => popup.evaluate(() => document.getElementById('status')?.textContent ?? '', null), (text) => text.startsWith('Article found'));
      expect(status).toMatch(/^Article found/);
      await popup.close();
      await tab.close();
    });
  });

  describe('never half found', () => {
    /** What a page can see of Backstory's styles and highlights. */
    const styles = (tab: TestPage) =>
      tab.evaluate(() => {
        const style = (name: string) => {
          const computed = getComputedStyle(document.body, `::highlight(${name})`);
          return `${computed.backgroundColor} ${computed.textDecorationLine} ${computed.color}`;
        };
        return { highlights: CSS.highlights.size, styles: ['backstory-person', 'backstory-event', 'backstory-claim'].map(style).join(' | ') };
      }, null);

    it.each([
      ['as an SVG’s own <text>', 'svg-text'],
      ['in a <textarea>', 'textarea'],
      ['in a subtree that content-visibility hides', 'unseen'],
    ] as const)('shows no style sheet on a page whose article the gate reads %s but no note shows', async (_where, where) => {
      const plain = await open('/no-article.html', page('<h1>Top story</h1><p>Nothing to see here.</p>'));
      const expected = await styles(plain);
      await plain.close();
      const tab = await open(`/skipped-${where}.html`, articleInSkippedText(where));
      await sleep(3000);
      expect(await styles(tab)).toEqual(expected);
      await tab.close();
    });
  });

  describe('where it does not look (README: what a page can and cannot do)', () => {
    // The gate runs in the top frame only: in every frame it cost 10 times as much on a page with
    // 30 ad frames (docs/decisions.md). A test that fails the day frames are read, to update the README.
    it('leaves an article in a same-origin srcdoc iframe alone: no highlight in the frame or the page', async () => {
      const tab = await open('/srcdoc-frame.html', articleInSrcdocFrame());
      const frameText = () => tab.evaluate(() => document.querySelector('iframe')?.contentDocument?.body?.textContent?.length ?? 0, null);
      expect(await waitFor(frameText, (length) => length > 5000)).toBeGreaterThan(5000);
      await sleep(3000);
      const highlights = await tab.evaluate(() => {
        const frame = document.querySelector('iframe')?.contentWindow as (Window & typeof globalThis) | null | undefined;
        return { page: CSS.highlights.size, frame: frame?.CSS.highlights.size ?? -1 };
      }, null);
      expect(highlights).toEqual({ page: 0, frame: 0 });
      await tab.close();
    });
  });
}
