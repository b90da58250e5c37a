// A browser with the extension, a test server and (optionally) the demo article open, for a describe
// block; and the steps most tests take through the popup.
import { afterAll, beforeAll } from 'vitest';
import { inPopover, type TestBrowser, type TestPage } from './browsers.ts';
import { fromExtensionPage, popoverState, totalHighlights, waitFor, type PopoverState } from './page-probes.ts';
import { startServer, type TestServer } from './server.ts';

export interface Session {
  browser: TestBrowser;
  server: TestServer;
  /** The demo article, highlighted (when asked for). */
  demo: TestPage;
}

/** Registers beforeAll/afterAll hooks; the returned object is filled before the first test runs. */
export function useSession(launch: () => Promise<TestBrowser>, { demo = false } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    [session.browser, session.server] = await Promise.all([launch(), startServer()]);
    if (!demo) return;
    session.demo = await openArticle(session.browser, `${session.server.origin}/demo/`);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

export async function openArticle(browser: TestBrowser, url: string): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitFor(() => totalHighlights(page), (total) => total > 0);
  return page;
}

/** Opens a note in `page` the way the popup's list does, and waits for its popover. */
export async function openNote(browser: TestBrowser, page: TestPage, id: string): Promise<{ popup: TestPage; state: PopoverState }> {
  await page.bringToFront();
  const popup = await browser.openPopup();
  await fromExtensionPage(popup, { send: { type: 'show-note', id } });
  const state = await waitFor(() => popoverState(page), (value) => value.open);
  return { popup, state };
}

/** The open popover card's computed transition duration. */
export const popoverTransition = async (page: TestPage) =>
  (await inPopover(page, (root) => {
    const card = root.querySelector('.card');
    return card ? getComputedStyle(card).transitionDuration : null;
  }, null)) ?? null;
