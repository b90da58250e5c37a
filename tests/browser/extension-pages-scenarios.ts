// The extension's own pages as a reader sees them: the popup fits its box, and the first-run page
// (opened on install) draws the key and its excerpt with the real highlight styles.
import { describe, expect, it } from 'vitest';
import { notes } from '../../packs/musk-riyadh-2025/annotations.json' with { type: 'json' };
import { WELCOME_PAGE } from '../../src/shared/extension-pages.ts';
import { PARAGRAPHS } from '../support/article.ts';
import type { TestBrowser, TestPage } from './harness/browsers.ts';
import { axeViolations, chooseIntensity, setViewport, waitFor } from './harness/page-probes.ts';
import { useSession } from './harness/session.ts';

/** The popup's box: Chromium's largest popup is 800×600, and the popup keeps within 560 px. */
const POPUP = { width: 348, height: 560 };

/** A PNG of a part of the page (playwright and puppeteer both take a clip). */
async function shot(page: TestPage, clip: { x: number; y: number; width: number; height: number }): Promise<string> {
  const image = await (page as unknown as { screenshot(options: { clip: typeof clip }): Promise<Uint8Array> }).screenshot({ clip });
  return Buffer.from(image).toString('base64');
}

/** The box of the first element matching `selector`, in CSS pixels of the viewport. */
const boxOf = (page: TestPage, selector: string) =>
  page.evaluate((query) => {
    const element = document.querySelector(query);
    if (!element) return null;
    element.scrollIntoView({ block: 'center' });
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x: Math.floor(x), y: Math.floor(y), width: Math.ceil(width), height: Math.ceil(height) + 4 };
  }, selector);

const highlightSizes = (page: TestPage) =>
  page.evaluate(() => Object.fromEntries([...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>)].map(([name, highlight]) => [name, highlight.size])), null);

const tryCard = (page: TestPage) =>
  page.evaluate(() => {
    const card = document.getElementById('try-card');
    return { shown: !!card && !card.hidden && card.getBoundingClientRect().height > 0, title: card?.querySelector('.try-title')?.textContent ?? '' };
  }, null);

export function describeExtensionPages(launch: () => Promise<TestBrowser>): void {
  const session = useSession(launch, { demo: true });

  describe('the popup fits', () => {
    it('keeps the popup within its box: the notes list alone scrolls, and Settings is in view', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await setViewport(popup, POPUP.width, POPUP.height);
      await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count === notes.length);
      const layout = await popup.evaluate(() => {
        const list = document.getElementById('notes') as HTMLElement;
        const settings = (document.getElementById('open-settings') as HTMLElement).getBoundingClientRect();
        const scrolling = document.scrollingElement as HTMLElement;
        return {
          pageScrolls: scrolling.scrollHeight > innerHeight,
          listScrolls: list.scrollHeight > list.clientHeight && getComputedStyle(list).overflowY === 'auto',
          settingsInView: settings.top >= 0 && settings.bottom <= innerHeight && settings.height > 0,
          bodyHeight: document.body.getBoundingClientRect().height,
        };
      }, null);
      expect(layout).toMatchObject({ pageScrolls: false, listScrolls: true, settingsInView: true });
      expect(layout.bodyHeight).toBeLessThanOrEqual(POPUP.height);
      await popup.close();
    });

    it('draws the popup’s key with the real highlight styles, in words as well', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => highlightSizes(popup), (sizes) => Object.keys(sizes).length === 3);
      expect(await highlightSizes(popup)).toEqual({ 'backstory-person': 1, 'backstory-event': 1, 'backstory-claim': 1 });
      const entries = await popup.evaluate(() => [...document.querySelectorAll('#legend li')].map((item) => item.textContent), null);
      expect(entries).toEqual(['Person — yellow fill, solid underline', 'Event — blue fill, dotted underline', 'Claim — red wavy underline, no fill']);
      await popup.close();
    });

    it('follows the reader’s intensity in the key, in paint and in words', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => highlightSizes(popup), (sizes) => Object.keys(sizes).length === 3);
      const options = await session.browser.openOptions();
      const choose = (intensity: 'normal' | 'strong') => chooseIntensity(options, intensity);
      const claim = () => popup.evaluate(() => document.querySelector('#legend li[data-kind="claim"]')?.textContent ?? '', null);
      await choose('strong');
      await waitFor(() => highlightSizes(popup), (sizes) => Object.keys(sizes).sort().join() === 'backstory-claim-strong,backstory-event-strong,backstory-person-strong');
      expect(await waitFor(claim, (text) => text.includes('fill'))).toBe('Claim — pink fill, red wavy underline');
      await choose('normal');
      await waitFor(() => highlightSizes(popup), (sizes) => Object.keys(sizes).sort().join() === 'backstory-claim,backstory-event,backstory-person');
      await options.close();
      await popup.close();
    });
  });

  describe('notes that changed since the reader’s last visit', () => {
    const corrected = notes.find((note) => note.version > 1 && note.changeNote);
    const added = notes.find((note) => note.version === 1);
    const listed = (popup: TestPage) =>
      popup.evaluate(() => {
        const section = document.getElementById('changes-section') as HTMLDetailsElement | null;
        return section && !section.hidden ? [...section.querySelectorAll('li')].map((item) => item.textContent ?? '') : [];
      }, null);
    const openPopupOnArticle = async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count > 0);
      return popup;
    };

    it('shows nothing on a first visit, then lists the notes corrected or added since the versions the reader saw', async () => {
      expect(corrected && added).toBeTruthy();
      const first = await openPopupOnArticle();
      await first.evaluate(() => chrome.storage.local.remove('seenVersions'), null);
      await first.close();
      const firstVisit = await openPopupOnArticle();
      await waitFor(() => firstVisit.evaluate(async () => 'seenVersions' in (await chrome.storage.local.get('seenVersions')), null), Boolean);
      expect(await listed(firstVisit)).toEqual([]);
      // As if the reader had last seen the corrected note's first version and never the added one.
      await firstVisit.evaluate(async ({ correctedId, addedId }) => {
        const { seenVersions } = (await chrome.storage.local.get('seenVersions')) as { seenVersions: Record<string, Record<string, number>> };
        const [pack] = Object.keys(seenVersions);
        seenVersions[pack][correctedId] = 1;
        delete seenVersions[pack][addedId];
        await chrome.storage.local.set({ seenVersions });
      }, { correctedId: corrected?.id ?? '', addedId: added?.id ?? '' });
      await firstVisit.close();
      const next = await openPopupOnArticle();
      const items = await waitFor(() => listed(next), (list) => list.length === 2);
      expect(items.find((item) => item.startsWith('Updated'))).toContain(`${corrected?.title}: ${corrected?.changeNote}`);
      expect(items.find((item) => item.startsWith('New'))).toContain(added?.title);
      await next.close();
      const again = await openPopupOnArticle();
      expect(await listed(again)).toEqual([]);
      await again.close();
    });
  });

  describe('“Check this page” where no article was found', () => {
    it('says how much of the closest article the page carries, against what detection needs', async () => {
      const page = await session.browser.newPage();
      await page.goto(session.server.page('/excerpt.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Excerpt</title></head><body><article>${PARAGRAPHS.slice(0, 2).map((text) => `<p>${text}</p>`).join('')}</article></body></html>`));
      await page.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => popup.evaluate(() => !(document.getElementById('check') as HTMLElement).hidden, null), Boolean);
      expect(await popup.evaluate(() => (document.getElementById('check-result') as HTMLElement).hidden, null)).toBe(true);
      await popup.click('#check-page');
      const result = await waitFor(() => popup.evaluate(() => document.getElementById('check-result')?.textContent ?? '', null), (text) => text.length > 0);
      expect(result).toMatch(/^Closest: “Elon Musk commends US-Russia talks as leadership milestone”\. \d+ % of its text is here \(15 % needed\); \d+ of its \d+ rare words/);
      expect(Number(/(\d+) % of its text/.exec(result)?.[1])).toBeLessThan(15);
      await popup.close();
      await page.close();
    });
  });

  describe('the first-run page', () => {
    it('opens once, on install', () => {
      expect(session.browser.openedOnInstall).toEqual([`${session.browser.extensionOrigin}/${WELCOME_PAGE}`]);
    });

    it('paints the key and the excerpt with the real highlight styles: the painted words differ from unpainted ones', async () => {
      const welcome = await session.browser.openWelcome();
      await waitFor(() => highlightSizes(welcome), (sizes) => (sizes['backstory-person'] ?? 0) > 1);
      const sizes = await highlightSizes(welcome);
      // The key's sample word, and the excerpt's mentions.
      expect(sizes['backstory-person']).toBeGreaterThanOrEqual(8);
      expect(sizes['backstory-event']).toBeGreaterThanOrEqual(3);
      expect(sizes['backstory-claim']).toBeGreaterThanOrEqual(3);
      const sheets = await welcome.evaluate(() => [...document.styleSheets].map((sheet) => new URL(sheet.href ?? location.href).pathname).filter((path) => path.startsWith('/content/')), null);
      expect(sheets).toEqual(['/content/highlights.css', '/content/highlight-fills.css']);
      const samples = ['#legend li[data-kind="person"] .legend-sample', '#legend li[data-kind="event"] .legend-sample', '#legend li[data-kind="claim"] .legend-sample'];
      const boxes = await Promise.all(samples.map((selector) => boxOf(welcome, selector)));
      const painted = await Promise.all(boxes.map((box) => shot(welcome, box ?? { x: 0, y: 0, width: 1, height: 1 })));
      await welcome.evaluate(() => CSS.highlights.clear(), null);
      const bare = await Promise.all(boxes.map((box) => shot(welcome, box ?? { x: 0, y: 0, width: 1, height: 1 })));
      expect(boxes.every((box) => box && box.width > 10)).toBe(true);
      expect(painted.map((image, index) => image !== bare[index])).toEqual([true, true, true]);
      await welcome.close();
    });

    it('shows a name’s note on hover and on keyboard focus, and is free of axe violations', async () => {
      const welcome = await session.browser.openWelcome();
      await waitFor(() => highlightSizes(welcome), (sizes) => (sizes['backstory-person'] ?? 0) > 1);
      const box = await boxOf(welcome, '.mention[data-note="person/sergey-lavrov"]');
      await welcome.mouse.move((box?.x ?? 0) + 10, (box?.y ?? 0) + 8);
      expect(await waitFor(() => tryCard(welcome), (card) => card.shown)).toEqual({ shown: true, title: 'Sergey Lavrov' });
      expect(await axeViolations(welcome)).toEqual([]);
      await welcome.mouse.move(1, 1);
      await waitFor(() => tryCard(welcome), (card) => !card.shown);
      await welcome.keyboard.press('Tab');
      const first = await welcome.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.note ?? '', null);
      const note = notes.find((candidate) => candidate.id === first);
      expect(note).toBeDefined();
      expect(await waitFor(() => tryCard(welcome), (card) => card.shown)).toEqual({ shown: true, title: note?.title });
      await welcome.keyboard.press('Escape');
      await waitFor(() => tryCard(welcome), (card) => !card.shown);
      await welcome.close();
    });

    it('lists the keyboard shortcuts the browser assigned, or says they are not set and where to set them', async () => {
      const welcome = await session.browser.openWelcome();
      const listed = await waitFor(() => welcome.evaluate(() => [...document.querySelectorAll('#shortcuts li')].map((item) => item.textContent ?? ''), null), (items) => items.length === 2);
      const assigned = await welcome.evaluate(async () => (await chrome.commands.getAll()).filter((command) => !command.name?.startsWith('_')).map((command) => command.shortcut || 'not set'), null);
      expect(listed.map((item) => item.split(' Show')[0])).toEqual(assigned);
      expect(await welcome.evaluate(() => document.getElementById('shortcuts-where')?.textContent ?? '', null)).toMatch(/chrome:\/\/extensions\/shortcuts|about:addons/);
      await welcome.close();
    });
  });
}
