// The guard of the article page: no frame loop, no cost while the page is still, and a page that
// takes the highlights or keeps a note from the reader is answered (painted again, anchored again)
// or reported where it cannot reach (the popup and the toolbar badge), never silently.
import { expect, it } from 'vitest';
import { paragraphsHtml } from '../support/article.ts';
import { inPopover, type ReaderPreferences, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { page } from './harness/fixture-pages.ts';
import { fromExtensionPage, highlightPoint, popoverState, sleep, totalHighlights, waitFor } from './harness/page-probes.ts';
import { useSession } from './harness/session.ts';

const script = (code: string) => `<script>${code}</script>`;

/** The article; `window.swapRoot()` replaces <html> with a copy of itself. */
const swappableRoot = () =>
  page(`<article>${paragraphsHtml()}</article>`, script(`window.swapRoot = () => document.replaceChild(document.documentElement.cloneNode(true), document.documentElement);`));

/** The article; once Backstory's host appears, the page makes everything inert. */
const inertOnOpen = () =>
  page(
    `<article>${paragraphsHtml()}</article>`,
    script(`new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.localName && node.localName.startsWith('backstory-')) setTimeout(() => { document.documentElement.inert = true; }, 100);
    }).observe(document.documentElement, { childList: true });`),
  );

/** The article on a page whose root is zoomed to 2 % and whose body undoes it. */
const zoomedRoot = () => page(`<article>${paragraphsHtml()}</article>`, '<style>html { zoom: 0.02 } body { zoom: 50 }</style>');

/** The article; the page removes Backstory's host every time it appears. */
const hostRemover = () =>
  page(
    `<article>${paragraphsHtml()}</article>`,
    script(`window.removed = 0; new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.localName && node.localName.startsWith('backstory-')) { window.removed++; node.remove(); }
    }).observe(document.documentElement, { childList: true });`),
  );

/** The popup's status line, warning and the badge of the tab used before it. */
async function popupReport(browser: TestBrowser, tab: TestPage): Promise<{ warning: string | null; badge: string }> {
  await tab.bringToFront();
  const popup = await browser.openPopup();
  const warning = await waitFor(
    () => popup.evaluate(() => {
      const element = document.getElementById('interference');
      return element && !element.hidden ? element.textContent : null;
    }, null),
    (text) => text !== null,
    5000,
  ).catch(() => null);
  const badge = await fromExtensionPage<string>(popup, { badge: true });
  await popup.close();
  return { warning, badge };
}

async function hoverName(tab: TestPage, name: string): Promise<void> {
  const point = await waitFor(() => highlightPoint(tab, 'backstory-person', name), (value) => value !== null);
  await tab.mouse.move(point?.x ?? 0, point?.y ?? 0);
}

export function describeGuard(launch: (preferences?: ReaderPreferences) => Promise<TestBrowser>): void {
  const session = useSession(launch);

  async function open(path: string, html: string): Promise<TestPage> {
    const tab = await session.browser.newPage();
    await tab.goto(session.server.page(path, html));
    await waitFor(() => totalHighlights(tab), (total) => total > 30, 15_000);
    return tab;
  }

  // CPU time of a page is read through CDP: Chromium only.
  if (launch.name === 'launchChromium') it('costs a still article page next to nothing: no frame loop', async () => {
    if (!session.browser.busySeconds) throw new Error('no CPU metrics');
    const tab = await open('/still.html', page(`<article>${paragraphsHtml()}</article>`));
    await sleep(2000);
    const before = await session.browser.busySeconds(tab);
    await sleep(5000);
    const after = await session.browser.busySeconds(tab);
    // A frame loop costs about 10 ms a second here; a check a second, well under 1 ms.
    const scriptMs = (after.script - before.script) * 1000;
    console.log(`${session.browser.name}: script time on a still article page over 5 s: ${scriptMs.toFixed(2)} ms`);
    expect(scriptMs).toBeLessThan(5);
    await tab.close();
  });

  it('paints again and says so when the page replaces <html> with a copy', async () => {
    const tab = await open('/swap-root.html', swappableRoot());
    await tab.evaluate(() => (window as unknown as { swapRoot(): void }).swapRoot(), null);
    // The old ranges point into the old root: dropped, and anchored again in the new one.
    await waitFor(
      () => tab.evaluate(() => [...((CSS.highlights.get('backstory-person') as unknown as Set<AbstractRange> | undefined) ?? [])].filter((range) => range.startContainer.isConnected).length, null),
      (connected) => connected > 30,
      10_000,
    );
    expect((await popupReport(session.browser, tab)).warning).toMatch(/interfered/);
    await hoverName(tab, 'Lavrov');
    expect(await waitFor(() => popoverState(tab), (state) => state.open)).toMatchObject({ title: 'Sergey Lavrov' });
    await tab.close();
  });

  it('shows the card full size on a page that zooms its root to 2 %', async () => {
    const tab = await open('/zoomed-root.html', zoomedRoot());
    await hoverName(tab, 'Lavrov');
    await waitFor(() => popoverState(tab), (state) => state.open);
    const size = await inPopover(tab, (root) => {
      const rect = root.querySelector('.card')?.getBoundingClientRect();
      return rect ? { width: rect.width, height: rect.height } : null;
    }, null);
    expect(size?.width).toBeGreaterThan(200);
    expect(size?.height).toBeGreaterThan(80);
    await tab.close();
  });

  it('closes a card the page made inert, and says on the badge and in the popup that the page is blocking it', async () => {
    const tab = await open('/inert.html', inertOnOpen());
    await hoverName(tab, 'Lavrov');
    await waitFor(() => popoverState(tab), (state) => state.open);
    await sleep(200);
    // The next check (scroll, input, or the once-a-second one) sees it.
    await tab.mouse.move(5, 5);
    await waitFor(() => popoverState(tab), (state) => !state.open, 5000);
    const report = await popupReport(session.browser, tab);
    expect(report.warning).toMatch(/blocking Backstory/);
    expect(report.badge).toBe('!');
    await tab.close();
  });

  it('reports a page that removes the card every time it is put back', async () => {
    const tab = await open('/host-remover.html', hostRemover());
    await hoverName(tab, 'Lavrov');
    await waitFor(() => tab.evaluate(() => (window as unknown as { removed: number }).removed, null), (removed) => removed > 10, 5000);
    const report = await popupReport(session.browser, tab);
    expect(report.warning).toMatch(/blocking Backstory/);
    expect(report.badge).toBe('!');
    await tab.close();
  });
}
