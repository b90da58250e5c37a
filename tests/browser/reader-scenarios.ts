// For every reader: accessibility (axe-core), keyboard, touch, display settings and motion, in a real browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notes } from '../../src/annotations/annotations.json' with { type: 'json' };
import type { ReaderPreferences, TestBrowser, TestPage } from './harness/browsers.ts';
import { axeViolations, fromExtensionPage, highlightCounts, highlightPoint, popoverState, totalHighlights, waitFor } from './harness/page-probes.ts';
import { startServer, type TestServer } from './harness/server.ts';

const PEOPLE = notes.filter((note) => note.kind === 'person').length;

export function describeReader(launch: (preferences?: ReaderPreferences) => Promise<TestBrowser>): void {
  let browser: TestBrowser;
  let server: TestServer;
  let demo: TestPage;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    demo = await browser.newPage();
    await demo.goto(`${server.origin}/demo/`);
    await waitFor(() => totalHighlights(demo), (total) => total > 0);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Sets a setting from the options page, as a reader would, and waits for the page to follow. */
  async function withOptions(action: (options: TestPage) => Promise<void>): Promise<void> {
    const options = await browser.openOptions();
    await action(options);
    await options.close();
  }

  describe.each(['light', 'dark'] as const)('axe-core, %s', (colorScheme) => {
    let themed: TestBrowser;
    let article: TestPage;
    beforeAll(async () => {
      themed = await launch({ colorScheme });
      article = await themed.newPage();
      await article.goto(`${server.origin}/demo/`);
      await waitFor(() => totalHighlights(article), (total) => total > 0);
    });
    afterAll(() => themed?.close());

    it('finds no violation in the popup', async () => {
      await article.bringToFront();
      const popup = await themed.openPopup();
      await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count > 0);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
    });

    it('finds no violation in the options page', async () => {
      const options = await themed.openOptions();
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
    });

    it('finds no violation in an open popover', async () => {
      await article.bringToFront();
      const popup = await themed.openPopup();
      await fromExtensionPage(popup, { send: { type: 'show-note', id: 'claim/chances-of-victory' } });
      await waitFor(() => popoverState(article), (state) => state.open);
      expect(await axeViolations(article, 'backstory-popover')).toEqual([]);
      await article.keyboard.press('Escape');
      await popup.close();
    });
  });

  describe('names, roles and states', () => {
    it('announces the popover as a dialog named by its title', async () => {
      await demo.bringToFront();
      const popup = await browser.openPopup();
      await fromExtensionPage(popup, { send: { type: 'show-note', id: 'person/sergey-lavrov' } });
      await waitFor(() => popoverState(demo), (state) => state.open);
      const announced = await demo.evaluate(() => {
        const card = document.getElementsByTagName('backstory-popover')[0]?.shadowRoot?.querySelector('[role]');
        const labelledBy = card?.getAttribute('aria-labelledby') ?? '';
        return { role: card?.getAttribute('role'), name: card?.getRootNode() instanceof ShadowRoot ? (card.getRootNode() as ShadowRoot).getElementById(labelledBy)?.textContent : null };
      }, null);
      expect(announced).toEqual({ role: 'dialog', name: 'Sergey Lavrov' });
      await demo.keyboard.press('Escape');
      await popup.close();
    });

    it('gives the popup’s switches names and states', async () => {
      await demo.bringToFront();
      const popup = await browser.openPopup();
      await waitFor(() => popup.evaluate(() => document.getElementById('site-label')?.textContent ?? '', null), (text) => text.startsWith('On 127'));
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
        { name: 'On 127.0.0.1', checked: true },
      ]);
      await popup.close();
    });
  });

  describe('keyboard', () => {
    it('returns focus where it was when Escape closes a note opened by keyboard', async () => {
      await demo.bringToFront();
      await demo.evaluate(() => document.querySelector<HTMLAnchorElement>('nav a')?.focus(), null);
      const popup = await browser.openPopup();
      await fromExtensionPage(popup, { send: { type: 'step-note', direction: 1 } });
      await popup.close();
      await demo.bringToFront();
      expect((await waitFor(() => popoverState(demo), (state) => state.open)).focused).toBe(true);
      await demo.keyboard.press('Escape');
      await waitFor(() => popoverState(demo), (state) => !state.open);
      expect(await demo.evaluate(() => document.activeElement?.textContent, null)).toBe('World');
    });

    it('operates the popup with Tab and Space: the Highlights switch turns highlights off and on', async () => {
      await demo.bringToFront();
      const popup = await browser.openPopup();
      await waitFor(() => popup.evaluate(() => document.querySelectorAll('#notes li').length, null), (count) => count > 0);
      await popup.keyboard.press('Tab');
      expect(await popup.evaluate(() => document.activeElement?.id, null)).toBe('enabled');
      await popup.keyboard.press(' ');
      await waitFor(() => totalHighlights(demo), (total) => total === 0);
      await popup.keyboard.press(' ');
      await waitFor(() => totalHighlights(demo), (total) => total > 0);
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
      await popup.keyboard.press('Enter');
      await demo.bringToFront().catch(() => undefined);
      expect(await waitFor(() => popoverState(demo), (state) => state.open)).toMatchObject({ focused: true });
      await demo.keyboard.press('Escape');
      await popup.close().catch(() => undefined);
    });

    it('operates the options page with Tab and Space, and the page follows at once', async () => {
      await withOptions(async (options) => {
        for (let i = 0; i < 4; i++) await options.keyboard.press('Tab');
        expect(await options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value, null)).toBe('claim');
        await options.keyboard.press(' ');
        await waitFor(() => highlightCounts(demo), (counts) => counts['backstory-claim'] === 0);
        await options.keyboard.press(' ');
        await waitFor(() => highlightCounts(demo), (counts) => counts['backstory-claim'] > 0);
      });
    });
  });

  describe('touch', () => {
    it('opens a note on a tap and closes it on a tap elsewhere', async () => {
      await demo.bringToFront();
      const point = await highlightPoint(demo, 'backstory-person', 'Ushakov');
      expect(point).not.toBeNull();
      const tap = (x: number, y: number) =>
        demo.evaluate(({ x, y }) => {
          const target = document.elementFromPoint(x, y) ?? document.body;
          for (const type of ['pointerdown', 'pointerup']) {
            target.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', clientX: x, clientY: y, bubbles: true, composed: true, isPrimary: true }));
          }
        }, { x, y });
      await tap(point?.x ?? 0, point?.y ?? 0);
      expect(await waitFor(() => popoverState(demo), (state) => state.open)).toMatchObject({ title: 'Yury Ushakov' });
      await tap(5, 5);
      await waitFor(() => popoverState(demo), (state) => !state.open);
    });
  });

  describe('display settings, applied live', () => {
    it('highlights the first mention only, when asked', async () => {
      const before = await highlightCounts(demo);
      await withOptions(async (options) => {
        await options.click('input[name="mentions"][value="first"]');
        const counts = await waitFor(() => highlightCounts(demo), (value) => value['backstory-person'] === PEOPLE);
        expect(counts['backstory-person']).toBe(PEOPLE);
        await options.click('input[name="mentions"][value="all"]');
        expect(await waitFor(() => highlightCounts(demo), (value) => value['backstory-person'] === before['backstory-person'])).toEqual(before);
      });
    });

    it('changes the highlight intensity without adding an element to the page', async () => {
      await withOptions(async (options) => {
        await options.evaluate(() => {
          const select = document.getElementById('intensity') as HTMLSelectElement;
          select.value = 'strong';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }, null);
        await waitFor(() => demo.evaluate(() => document.adoptedStyleSheets.length, null), (count) => count === 1);
        await options.evaluate(() => {
          const select = document.getElementById('intensity') as HTMLSelectElement;
          select.value = 'normal';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }, null);
        await waitFor(() => demo.evaluate(() => document.adoptedStyleSheets.length, null), (count) => count === 0);
      });
      expect(await demo.evaluate(() => [...document.documentElement.children].map((child) => child.tagName), null)).toEqual(['HEAD', 'BODY', 'BACKSTORY-POPOVER']);
    });

    it('lists sites switched off and turns one back on', async () => {
      await demo.bringToFront();
      const popup = await browser.openPopup();
      await waitFor(() => popup.evaluate(() => (document.getElementById('site') as HTMLInputElement).disabled, null), (disabled) => !disabled);
      await popup.click('#site');
      await waitFor(() => totalHighlights(demo), (total) => total === 0);
      await popup.close();
      await withOptions(async (options) => {
        await waitFor(() => options.evaluate(() => document.querySelector('#sites li span')?.textContent ?? '', null), (text) => text === '127.0.0.1');
        await options.click('#sites button');
        await waitFor(() => totalHighlights(demo), (total) => total > 0);
      });
    });
  });

  describe('motion', () => {
    it('does not animate the popover when the reader asks for reduced motion', async () => {
      const still = await launch({ reducedMotion: true });
      const article = await still.newPage();
      await article.goto(`${server.origin}/demo/`);
      await waitFor(() => totalHighlights(article), (total) => total > 0);
      const popup = await still.openPopup();
      await fromExtensionPage(popup, { send: { type: 'show-note', id: 'person/joe-biden' } });
      await waitFor(() => popoverState(article), (state) => state.open);
      const transition = await article.evaluate(() => {
        const card = document.getElementsByTagName('backstory-popover')[0]?.shadowRoot?.querySelector('.card');
        return card ? getComputedStyle(card).transitionDuration : null;
      }, null);
      await still.close();
      expect(transition).toBe('0s');
    });

    it('animates the popover’s opacity briefly otherwise', async () => {
      await demo.bringToFront();
      const popup = await browser.openPopup();
      await fromExtensionPage(popup, { send: { type: 'show-note', id: 'person/joe-biden' } });
      await waitFor(() => popoverState(demo), (state) => state.open);
      const transition = await demo.evaluate(() => {
        const card = document.getElementsByTagName('backstory-popover')[0]?.shadowRoot?.querySelector('.card');
        return card ? getComputedStyle(card).transitionDuration : null;
      }, null);
      expect(transition).toBe('0.12s');
      await demo.keyboard.press('Escape');
      await popup.close();
    });
  });
}
