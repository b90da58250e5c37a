// For every reader: accessibility (axe-core), keyboard, touch, display settings and motion, in a real session.browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notes } from '../../packs/musk-riyadh-2025/annotations.json' with { type: 'json' };
import { inPopover, type ReaderPreferences, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { axeViolations, chooseIntensity, popoverAxeViolations, fromExtensionPage, highlightCounts, highlightPoint, popoverState, totalHighlights, waitFor } from './harness/page-probes.ts';
import { openArticle, openNote, popoverTransition, useSession } from './harness/session.ts';

const PEOPLE = notes.filter((note) => note.kind === 'person').length;

export function describeReader(launch: (preferences?: ReaderPreferences) => Promise<TestBrowser>): void {
  const session = useSession(launch, { demo: true });

  /** Sets a setting from the options page, as a reader would, and waits for the page to follow. */
  async function withOptions(action: (options: TestPage) => Promise<void>): Promise<void> {
    const options = await session.browser.openOptions();
    await action(options);
    await options.close();
  }

  describe.each(['light', 'dark'] as const)('axe-core, %s', (colorScheme) => {
    let themed: TestBrowser;
    let article: TestPage;
    beforeAll(async () => {
      themed = await launch({ colorScheme });
      article = await openArticle(themed, `${session.server.origin}/demo/`);
    });
    afterAll(() => themed?.close());

    it('finds no violation in the popup', async () => {
      await article.bringToFront();
      const popup = await themed.openPopup();
      await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count > 0);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    });

    it('finds no violation in the first-run page', async () => {
      const welcome = await themed.openWelcome();
      await waitFor(() => welcome.evaluate(() => document.querySelectorAll('#shortcuts li').length, null), (count) => count > 0);
      expect(await axeViolations(welcome)).toEqual([]);
      await welcome.close();
    });

    it('finds no violation in the options page', async () => {
      const options = await themed.openOptions();
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
    });

    it('finds no violation in an open popover', async () => {
      const { popup } = await openNote(themed, article, 'claim/chances-of-victory');
      expect(await popoverAxeViolations(article)).toEqual([]);
      await article.keyboard.press('Escape');
      await popup.close();
    });
  });

  describe('names, roles and states', () => {
    it('announces the popover as a dialog named by its title', async () => {
      const { popup } = await openNote(session.browser, session.demo, 'person/sergey-lavrov');
      const announced = await inPopover(session.demo, (root) => {
        const card = root.querySelector('[role]');
        const labelledBy = card?.getAttribute('aria-labelledby') ?? '';
        return { role: card?.getAttribute('role'), name: root.getElementById(labelledBy)?.textContent ?? null };
      }, null);
      expect(announced).toEqual({ role: 'dialog', name: 'Sergey Lavrov' });
      await session.demo.keyboard.press('Escape');
      await popup.close();
    });

    it('gives the popup’s switches names and states', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => popup.evaluate(() => document.getElementById('site-label')?.textContent ?? '', null), (text) => text === 'Off on this site (127.0.0.1)');
      const switches = await popup.evaluate(
        () =>
          [...document.querySelectorAll<HTMLInputElement>('[role="switch"]')].map((input) => ({
            name: input.closest('label')?.textContent?.trim(),
            checked: input.checked,
          })),
        null,
      );
      expect(switches).toEqual([
        { name: 'Highlights', checked: true },
        // Checked means off: Backstory runs on this site.
        { name: 'Off on this site (127.0.0.1)', checked: false },
      ]);
      await popup.close();
    });
  });

  describe('keyboard', () => {
    it('returns focus where it was when Escape closes a note opened by keyboard, after stepping through two', async () => {
      await session.demo.bringToFront();
      await session.demo.evaluate(() => document.querySelector<HTMLAnchorElement>('nav a')?.focus(), null);
      const popup = await session.browser.openPopup();
      await fromExtensionPage(popup, { send: { type: 'step-note', direction: 1 } });
      await fromExtensionPage(popup, { send: { type: 'step-note', direction: 1 } });
      await popup.close();
      await session.demo.bringToFront();
      expect((await waitFor(() => popoverState(session.demo), (state) => state.open)).focused).toBe(true);
      await session.demo.keyboard.press('Escape');
      await waitFor(() => popoverState(session.demo), (state) => !state.open);
      expect(await session.demo.evaluate(() => document.activeElement?.textContent, null)).toBe('World');
    });

    it('operates the popup with Tab and Space: the Highlights switch turns highlights off and on', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count > 0);
      await popup.keyboard.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.id, null)).toBe('enabled');
      await popup.keyboard.press(' ');
      await waitFor(() => totalHighlights(session.demo), (total) => total === 0);
      await popup.keyboard.press(' ');
      await waitFor(() => totalHighlights(session.demo), (total) => total > 0);
      await waitFor(() => popup.evaluate(() => document.getElementById('status')?.textContent ?? '', null), (text) => text.startsWith('Article found'));
      const focused = () => popup.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}.${document.activeElement?.className}`, null);
      await popup.keyboard.press('Tab');
      expect(await focused()).toBe('INPUT#site.');
      // Firefox stops on the scrollable list itself before its first button.
      const path: string[] = [];
      for (let i = 0; i < 2 && !path.includes('BUTTON#.note-link'); i++) {
        await popup.keyboard.press('Tab');
        path.push(await focused());
      }
      expect(path.at(-1)).toBe('BUTTON#.note-link');
      // Enter opens the note and the popup closes itself: the driver may then fail to send the key's
      // release to a page that is gone. The note opening (asserted below) is what counts.
      await popup.keyboard.press('Enter').catch((error: Error) => {
        if (!/closed/.test(error.message)) throw error;
      });
      await session.demo.bringToFront().catch(() => undefined);
      expect(await waitFor(() => popoverState(session.demo), (state) => state.open)).toMatchObject({ focused: true });
      await session.demo.keyboard.press('Escape');
      await popup.close().catch(() => undefined);
    });

    it('operates the options page with Tab and Space, and the page follows at once', async () => {
      await withOptions(async (options) => {
        for (let i = 0; i < 4; i++) await options.keyboard.press('Tab');
        expect(await options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value, null)).toBe('claim');
        await options.keyboard.press(' ');
        await waitFor(() => highlightCounts(session.demo), (counts) => counts['backstory-claim'] === 0);
        await options.keyboard.press(' ');
        await waitFor(() => highlightCounts(session.demo), (counts) => counts['backstory-claim'] > 0);
      });
    });
  });

  describe('touch', () => {
    it('opens a note on a tap and closes it on a tap elsewhere', async () => {
      await session.demo.bringToFront();
      const point = await highlightPoint(session.demo, 'backstory-person', 'Ushakov');
      expect(point).not.toBeNull();
      // Real touch input from the driver: Backstory ignores events a page script makes up.
      const tap = (x: number, y: number) => session.demo.touchscreen.tap(x, y);
      await tap(point?.x ?? 0, point?.y ?? 0);
      expect(await waitFor(() => popoverState(session.demo), (state) => state.open)).toMatchObject({ title: 'Yury Ushakov' });
      await tap(5, 5);
      await waitFor(() => popoverState(session.demo), (state) => !state.open);
    });
  });

  describe('display settings, applied live', () => {
    it('highlights the first mention only, when asked', async () => {
      const before = await highlightCounts(session.demo);
      await withOptions(async (options) => {
        await options.click('input[name="mentions"][value="first"]');
        const counts = await waitFor(() => highlightCounts(session.demo), (value) => value['backstory-person'] === PEOPLE);
        expect(counts['backstory-person']).toBe(PEOPLE);
        await options.click('input[name="mentions"][value="all"]');
        expect(await waitFor(() => highlightCounts(session.demo), (value) => value['backstory-person'] === before['backstory-person'])).toEqual(before);
      });
    });

    it('changes the highlight intensity without adding an element to the page', async () => {
      const names = async () => Object.keys(await highlightCounts(session.demo)).sort();
      const rootChildren = () => session.demo.evaluate(() => [...document.documentElement.children].map((child) => child.localName), null);
      const childrenBefore = await rootChildren();
      await withOptions(async (options) => {
        await chooseIntensity(options, 'strong');
        await waitFor(names, (list) => list.join() === 'backstory-claim-strong,backstory-event-passage-strong,backstory-event-strong,backstory-person-strong');
        await chooseIntensity(options, 'normal');
        await waitFor(names, (list) => list.join() === 'backstory-claim,backstory-event,backstory-event-passage,backstory-person');
      });
      // The intensities are styled by the user style sheet injected with the overlay: nothing is adopted or added.
      expect(await session.demo.evaluate(() => document.adoptedStyleSheets.length, null)).toBe(0);
      expect(await rootChildren()).toEqual(childrenBefore);
    });

    it('styles nothing and registers no highlight on an article page while every kind is turned off, and paints when one is turned on', async () => {
      const kinds = (options: TestPage, checked: boolean) =>
        options.evaluate(async (on) => {
          for (const box of document.querySelectorAll<HTMLInputElement>('input[name="kind"]')) if (box.checked !== on) box.click();
        }, checked);
      /** What the page can see of Backstory's styles: computed `::highlight()` styles and the registry's names. */
      const seen = (page: TestPage) =>
        page.evaluate(() => {
          const style = (name: string) => getComputedStyle(document.body, `::highlight(${name})`).textDecorationLine;
          return { names: CSS.highlights.size, styles: ['backstory-person', 'backstory-event', 'backstory-claim'].map(style).join(' ') };
        }, null);
      const options = await session.browser.openOptions();
      const page = await session.browser.newPage();
      try {
        await kinds(options, false);
        await page.goto(`${session.server.origin}/demo/`);
        // Found (the popup counts none shown), nothing for the page to see.
        await page.bringToFront();
        const popup = await session.browser.openPopup();
        await waitFor(() => fromExtensionPage<{ state?: string }>(popup, { send: { type: 'get-status' } }), (status) => status?.state === 'found');
        await popup.close();
        expect(await seen(page)).toEqual({ names: 0, styles: 'none none none' });
      } finally {
        // The other tests of this session read the demo page with every kind shown.
        await options.bringToFront();
        await kinds(options, true);
      }
      expect(await waitFor(() => totalHighlights(page), (total) => total > 0)).toBeGreaterThan(0);
      expect((await seen(page)).styles).not.toBe('none none none');
      await page.close();
      await options.close();
    });

    it('lists the installed articles, each with a switch that takes its notes off the page and back', async () => {
      await withOptions(async (options) => {
        const listed = await options.evaluate(() => [...document.querySelectorAll('#packs li')].map((item) => item.textContent ?? ''), null);
        expect(listed).toHaveLength(1);
        expect(listed[0]).toContain('Weekly Blitz');
        await options.click('#packs input[role="switch"]');
        await waitFor(() => totalHighlights(session.demo), (total) => total === 0);
        await options.click('#packs input[role="switch"]');
        await waitFor(() => totalHighlights(session.demo), (total) => total > 0);
      });
    });

    it('names the article found, with its publisher and date, in the popup', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      const about = await waitFor(() => popup.evaluate(() => document.getElementById('about-source')?.textContent ?? '', null), (text) => text.length > 0);
      expect(about).toContain('Weekly Blitz');
      expect(about).toContain('2025');
      await popup.close();
    });

    it('lists sites switched off and turns one back on', async () => {
      await session.demo.bringToFront();
      const popup = await session.browser.openPopup();
      await waitFor(() => popup.evaluate(() => (document.getElementById('site') as HTMLInputElement).disabled, null), (disabled) => !disabled);
      await popup.click('#site');
      await waitFor(() => totalHighlights(session.demo), (total) => total === 0);
      await popup.close();
      await withOptions(async (options) => {
        await waitFor(() => options.evaluate(() => document.querySelector('#sites li span')?.textContent ?? '', null), (text) => text === '127.0.0.1');
        await options.click('#sites button');
        await waitFor(() => totalHighlights(session.demo), (total) => total > 0);
      });
    });
  });

  describe('motion', () => {
    it('does not animate the popover when the reader asks for reduced motion', async () => {
      const still = await launch({ reducedMotion: true });
      const article = await openArticle(still, `${session.server.origin}/demo/`);
      await openNote(still, article, 'person/joe-biden');
      const transition = await popoverTransition(article);
      await still.close();
      expect(transition).toBe('0s');
    });

    it('animates the popover’s opacity briefly otherwise', async () => {
      const { popup } = await openNote(session.browser, session.demo, 'person/joe-biden');
      const transition = await popoverTransition(session.demo);
      expect(transition).toBe('0.12s');
      await session.demo.keyboard.press('Escape');
      await popup.close();
    });
  });
}
