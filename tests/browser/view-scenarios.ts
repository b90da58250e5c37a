// What the reader sees, checked on the screen rather than in Backstory's own model: highlight fills
// in screenshots taken with and without the extension (inside each highlight's box, at every
// intensity, light, dark and forced colours), the card against the words it explains at three
// viewports, the card's disclosure by keyboard and touch, and the shortcuts each browser assigns.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { inPopover, type ReaderPreferences, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { axeViolations, chooseIntensity, fromExtensionPage, popoverState, setViewport, sleep, waitFor } from './harness/page-probes.ts';
import { openArticle, useSession } from './harness/session.ts';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The client rects, wholly inside the view, of every range in highlight `name`. */
function boxesOf(page: TestPage, name: string): Promise<Box[]> {
  return page.evaluate((highlightName) => {
    const boxes: Box[] = [];
    for (const painted of (CSS.highlights.get(highlightName) as unknown as Set<AbstractRange> | undefined) ?? []) {
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      for (const rect of range.getClientRects()) {
        if (rect.width < 6 || rect.height < 8 || rect.top < 0 || rect.left < 0 || rect.bottom > innerHeight || rect.right > innerWidth) continue;
        boxes.push({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      }
    }
    return boxes;
  }, name);
}

interface Shot {
  png: PNG;
  /** Device pixels per CSS pixel. */
  scale: number;
}

async function shoot(page: TestPage): Promise<Shot> {
  const png = PNG.sync.read(Buffer.from(await page.screenshot()));
  const width = await page.evaluate(() => innerWidth, null);
  return { png, scale: png.width / width };
}

/**
 * Mean difference per colour channel (0–255) between two screenshots over a horizontal band of a
 * box: `from` and `to` are shares of its height from the top (the fill band sits above the underline).
 */
function bandDifference(a: Shot, b: Shot, box: Box, from: number, to: number): number {
  const x0 = Math.ceil((box.left + 1) * a.scale);
  const x1 = Math.floor((box.left + box.width - 1) * a.scale);
  const y0 = Math.ceil((box.top + box.height * from) * a.scale);
  const y1 = Math.floor((box.top + box.height * to) * a.scale);
  let sum = 0;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * a.png.width + x) * 4;
      for (let channel = 0; channel < 3; channel++) sum += Math.abs(a.png.data[i + channel] - b.png.data[i + channel]);
      count += 3;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** A fill this strong on average over a band is one a reader sees (a translucent fill changes most pixels by 10–60). */
const VISIBLE = 4;

async function setIntensity(browser: TestBrowser, page: TestPage, intensity: 'subtle' | 'normal' | 'strong'): Promise<void> {
  const options = await browser.openOptions();
  await chooseIntensity(options, intensity);
  await options.close();
  const suffix = intensity === 'normal' ? '' : `-${intensity}`;
  await waitFor(() => page.evaluate((name) => (CSS.highlights.get(name)?.size ?? 0) > 0, `backstory-person${suffix}`), Boolean);
  await page.bringToFront();
}

/** The demo article, scrolled to the top, fonts loaded, the same in both browsers. */
async function openStill(browser: TestBrowser, url: string, highlighted: boolean): Promise<TestPage> {
  const page = highlighted ? await openArticle(browser, url) : await browser.newPage();
  if (!highlighted) await page.goto(url);
  await page.evaluate(async () => {
    await document.fonts.ready;
    scrollTo(0, 0);
  }, null);
  await sleep(300);
  return page;
}

export function describeView(launch: (preferences?: ReaderPreferences) => Promise<TestBrowser>): void {
  describe.each([
    ['light', { colorScheme: 'light' }],
    ['dark', { colorScheme: 'dark' }],
    ['forced colours', { forcedColors: true }],
  ] as Array<[string, ReaderPreferences]>)('highlights on the screen, %s', (_label, preferences) => {
    const session = useSession(() => launch(preferences));
    let plain: TestBrowser;
    let without: TestPage;
    let withBackstory: TestPage;
    beforeAll(async () => {
      plain = await launch({ ...preferences, withoutExtension: true });
      without = await openStill(plain, `${session.server.origin}/demo/`, false);
      withBackstory = await openStill(session.browser, `${session.server.origin}/demo/`, true);
    });
    afterAll(() => plain?.close());

    const intensities = preferences.forcedColors ? (['normal'] as const) : (['subtle', 'normal', 'strong'] as const);
    it.each(intensities)('draws the fills and lines a reader can see, at intensity %s', async (intensity) => {
      await setIntensity(session.browser, withBackstory, intensity);
      await sleep(200);
      const suffix = intensity === 'normal' ? '' : `-${intensity}`;
      const [seen, bare] = [await shoot(withBackstory), await shoot(without)];
      const report: string[] = [];
      for (const kind of ['person', 'event', 'claim'] as const) {
        const boxes = await boxesOf(withBackstory, `backstory-${kind}${suffix}`);
        expect(boxes.length, `${kind} boxes in view`).toBeGreaterThan(2);
        // The fill band, above the underline; the underline band at the bottom of the box.
        const filled = boxes.filter((box) => bandDifference(seen, bare, box, 0.1, 0.55) >= VISIBLE).length;
        const underlined = boxes.filter((box) => bandDifference(seen, bare, box, 0.7, 1) >= VISIBLE / 2).length;
        report.push(`${kind}: ${filled}/${boxes.length} filled, ${underlined}/${boxes.length} underlined`);
        // People and events are filled, claims only at "strong". In forced colours people get the Mark
        // colour, and Chromium gives every highlight one system fill of its own: only people are sure.
        const shouldFill = preferences.forcedColors ? kind === 'person' : kind !== 'claim' || intensity === 'strong';
        expect(filled / boxes.length, report.join('; ')).toBeGreaterThanOrEqual(shouldFill ? 0.95 : 0);
        if (!shouldFill && !preferences.forcedColors) expect(filled, report.join('; ')).toBe(0);
        expect(underlined / boxes.length, report.join('; ')).toBeGreaterThanOrEqual(0.95);
      }
      await setIntensity(session.browser, withBackstory, 'normal');
    });

    it('keeps a fill on at most a fifth of the article’s characters by default', async () => {
      const share = await withBackstory.evaluate(() => {
        const article = document.querySelector('article') as HTMLElement;
        const starts = new Map<Node, number>();
        let total = 0;
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          starts.set(node, total);
          total += (node as Text).data.length;
        }
        const filled = new Uint8Array(total);
        for (const name of ['backstory-person', 'backstory-event']) {
          for (const range of (CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined) ?? []) {
            const start = (starts.get(range.startContainer) ?? 0) + range.startOffset;
            filled.fill(1, start, (starts.get(range.endContainer) ?? 0) + range.endOffset);
          }
        }
        return filled.reduce((sum, value) => sum + value, 0) / total;
      }, null);
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThanOrEqual(0.2);
    });

    if (preferences.forcedColors) {
      it('keeps the popover free of axe violations in forced colours', async () => {
        const popup = await session.browser.openPopup();
        await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count > 0);
        expect(await axeViolations(popup)).toEqual([]);
        await popup.close();
      });
    }
  });

  describe('the card and its words', () => {
    const session = useSession(launch);

    /** The highlighted ranges, one per distinct text, in reading order. */
    const distinctWords = (page: TestPage) =>
      page.evaluate(() => {
        const seen = new Set<string>();
        const words: Array<{ name: string; index: number }> = [];
        for (const name of ['backstory-claim', 'backstory-event', 'backstory-person']) {
          [...((CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined) ?? [])].forEach((range, index) => {
            const live = document.createRange();
            live.setStart(range.startContainer, range.startOffset);
            live.setEnd(range.endContainer, range.endOffset);
            const text = live.toString();
            if (!seen.has(text)) words.push({ name, index });
            seen.add(text);
          });
        }
        return words;
      }, null);

    /** Scrolls a highlighted range to the middle of the view and returns its client rects. */
    const bringIntoView = (page: TestPage, word: { name: string; index: number }) =>
      page.evaluate(({ name, index }) => {
        const painted = [...(CSS.highlights.get(name) as unknown as Set<AbstractRange>)][index];
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        const box = range.getBoundingClientRect();
        scrollBy(0, box.top + box.height / 2 - innerHeight / 2);
        return { text: range.toString(), rects: [...range.getClientRects()].map((rect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom })) };
      }, word);

    const cardGeometry = (page: TestPage) =>
      inPopover(page, (root) => {
        const card = root.querySelector<HTMLElement>('.card');
        const close = root.querySelector<HTMLElement>('button.close');
        if (!card || card.hidden) return null;
        const rect = card.getBoundingClientRect();
        const closeRect = close?.getBoundingClientRect();
        return {
          left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom,
          title: card.querySelector('.title')?.textContent ?? '',
          view: { width: innerWidth, height: innerHeight },
          close: closeRect ? { width: closeRect.width, height: closeRect.height } : null,
          scrolls: card.scrollHeight > card.clientHeight + 1,
          scrollCue: getComputedStyle(card).backgroundImage.includes('radial-gradient'),
        };
      }, null);

    it.each([
      [1280, 800, false],
      [640, 400, false],
      [375, 667, true],
    ])('never covers its words and takes at most 45 percent of the view at %i×%i (touch: %s)', async (width, height, touch) => {
      const page = await openArticle(session.browser, `${session.server.origin}/demo/`);
      await setViewport(page, width, height);
      await sleep(200);
      const words = await distinctWords(page);
      expect(words.length).toBeGreaterThan(30);
      const problems: string[] = [];
      let checked = 0;
      for (const word of words) {
        const { text, rects } = await bringIntoView(page, word);
        await sleep(60);
        const first = rects.find((rect) => rect.bottom > 0 && rect.top < height);
        if (!first) continue;
        const x = (first.left + first.right) / 2;
        const y = (first.top + first.bottom) / 2;
        if (touch) await page.touchscreen.tap(x, y);
        else await page.mouse.move(x, y);
        const card = await waitFor(() => cardGeometry(page), (value) => value !== null && value !== undefined, 5000).catch(() => null);
        if (!card) {
          problems.push(`${text}: no card after ${touch ? 'a tap' : 'hovering'} at ${Math.round(x)},${Math.round(y)}`);
          continue;
        }
        checked++;
        const covered = rects.some((rect) => rect.left < card.right - 0.5 && rect.right > card.left + 0.5 && rect.top < card.bottom - 0.5 && rect.bottom > card.top + 0.5);
        const tall = card.bottom - card.top > card.view.height * 0.45 + 1;
        const off = card.left < 0 || card.top < 0 || card.right > card.view.width || card.bottom > card.view.height;
        const smallClose = !card.close || card.close.width < 24 || card.close.height < 24;
        if (covered || tall || off || smallClose) problems.push(`${text}: ${[covered && `covers its words (card ${JSON.stringify(card)}, words ${JSON.stringify(rects)})`, tall && `${Math.round(card.bottom - card.top)} px tall`, off && 'off screen', smallClose && 'close target under 24 px'].filter(Boolean).join(', ')}`);
        if (card.scrolls && !card.scrollCue) problems.push(`${text}: scrolls with no cue`);
        if (touch) await page.keyboard.press('Escape');
        else await page.mouse.move(2, 2);
        await waitFor(() => cardGeometry(page), (value) => !value, 5000);
      }
      await page.close();
      expect(checked).toBeGreaterThan(30);
      expect(problems).toEqual([]);
    }, 400_000);

    it('closes a note opened by a tap when its words scroll out of view', async () => {
      const page = await openArticle(session.browser, `${session.server.origin}/demo/`);
      await setViewport(page, 375, 667);
      const words = await distinctWords(page);
      const { rects } = await bringIntoView(page, words.find((word) => word.name === 'backstory-person') ?? words[0]);
      await page.touchscreen.tap((rects[0].left + rects[0].right) / 2, (rects[0].top + rects[0].bottom) / 2);
      await waitFor(() => popoverState(page), (state) => state.open);
      await page.evaluate(() => scrollBy(0, 1500), null);
      await waitFor(() => popoverState(page), (state) => !state.open);
      await page.close();
    });

    it('opens the body and sources on request, by keyboard and by touch, and announces the state', async () => {
      const page = await openArticle(session.browser, `${session.server.origin}/demo/`);
      await page.bringToFront();
      const popup = await session.browser.openPopup();
      await fromExtensionPage(popup, { send: { type: 'show-note', id: 'person/elon-musk' } });
      await waitFor(() => popoverState(page), (state) => state.open && state.focused);
      await page.bringToFront();
      const disclosure = () =>
        inPopover(page, (root) => {
          const button = root.querySelector<HTMLElement>('button.more');
          const details = root.querySelector<HTMLElement>('.details');
          const rect = button?.getBoundingClientRect();
          return {
            expanded: button?.getAttribute('aria-expanded'),
            controls: details?.id === button?.getAttribute('aria-controls'),
            shownHeight: details?.hidden ? 0 : details?.getBoundingClientRect().height ?? 0,
            focused: root.activeElement === button,
            centre: rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null,
          };
        }, null);
      expect(await disclosure()).toMatchObject({ expanded: 'false', controls: true, shownHeight: 0 });
      // Focus starts on the card: Tab reaches the close button, then the disclosure.
      for (let i = 0; i < 6 && !(await disclosure())?.focused; i++) await page.keyboard.press('Tab');
      expect((await disclosure())?.focused).toBe(true);
      await page.keyboard.press('Enter');
      const opened = await waitFor(disclosure, (state) => state?.expanded === 'true');
      expect(opened?.shownHeight).toBeGreaterThan(40);
      await page.keyboard.press(' ');
      expect((await waitFor(disclosure, (state) => state?.expanded === 'false'))?.shownHeight).toBe(0);
      const centre = (await disclosure())?.centre;
      expect(centre).toBeTruthy();
      await page.touchscreen.tap(centre?.x ?? 0, centre?.y ?? 0);
      expect((await waitFor(disclosure, (state) => state?.expanded === 'true'))?.shownHeight).toBeGreaterThan(40);
      expect((await popoverState(page)).open).toBe(true);
      await page.keyboard.press('Escape');
      await popup.close();
      await page.close();
    });

    it('has keyboard shortcuts the browser actually assigned, the ones the README names', async () => {
      const popup = await session.browser.openPopup();
      const commands = await popup.evaluate(async () => (await chrome.commands.getAll()).map((command): [string, string] => [command.name ?? '', command.shortcut ?? '']), null);
      await popup.close();
      const suggested = Object.entries(manifest.commands).map(([name, command]) => [name, command.suggested_key.default]);
      const assigned = commands.filter(([name]) => name in manifest.commands).map(([name, shortcut]) => [name, shortcut.replace(/\s/g, '')]);
      // Chromium spells keys as the manifest does ("Alt+Shift+Period"); Firefox too.
      expect(assigned.sort()).toEqual(suggested.sort());
    });
  });
}
