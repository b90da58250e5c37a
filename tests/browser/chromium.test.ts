// The built extension (dist/chrome) in Debian's Chromium, driven by playwright-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paragraphsHtml } from '../support/article.ts';
import { launchChromium } from './harness/browsers.ts';
import { hostUpgrader } from './harness/fixture-pages.ts';
import { highlightPoint, popoverState, totalHighlights, waitFor } from './harness/page-probes.ts';
import { useSession } from './harness/session.ts';
import { describeExtensionPages } from './extension-pages-scenarios.ts';
import { describeRobustness } from './robustness-scenarios.ts';
import { describeReader } from './reader-scenarios.ts';
import { describeExtension } from './scenarios.ts';
import { describeTrust } from './trust-scenarios.ts';
import { describeView } from './view-scenarios.ts';
import { describeGuard } from './guard-scenarios.ts';
import { describeAttacks } from './attack-scenarios.ts';
import { describeImport } from './import-scenarios.ts';
import { describeFinding } from './finding-scenarios.ts';

describe('Chromium', () => describeExtension(launchChromium));
describe('Chromium: robustness', () => describeRobustness(launchChromium));
describe('Chromium: for every reader', () => describeReader(launchChromium));
describe('Chromium: the popup and the first-run page', () => describeExtensionPages(launchChromium));
describe('Chromium: the page as an adversary', () => describeTrust(launchChromium));
describe('Chromium: what the reader sees', () => describeView(launchChromium));
describe('Chromium: the guard, answered or reported', () => describeGuard(launchChromium));
describe('Chromium: the red team’s attacks of 2026-12-07', () => describeAttacks(launchChromium));
describe('Chromium: imported packs', () => describeImport(launchChromium));
describe('Chromium: finding the article', () => describeFinding(launchChromium));

describe('Chromium with the site’s JavaScript blocked', () => {
  const session = useSession(() => launchChromium({ pageJavaScript: false }));

  it('detects and highlights the article, and opens a note on hover', async () => {
    const page = await session.browser.newPage();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blocked</title><script>document.title = 'scripts ran';</script></head><body><article>${paragraphsHtml()}</article></body></html>`;
    await page.goto(session.server.page('/scripts-blocked.html', html));
    await waitFor(() => totalHighlights(page), (total) => total > 30);
    expect(await page.evaluate(() => document.title, null)).toBe('Blocked');
    const point = await highlightPoint(page, 'backstory-person', 'Lavrov');
    expect(point).not.toBeNull();
    await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
    expect(await waitFor(() => popoverState(page), (state) => state.open)).toMatchObject({ title: 'Sergey Lavrov', role: 'dialog' });
  });
});

describe('Chromium: network', () => {
  const session = useSession(launchChromium);

  it('makes no request beyond the extension’s own files, on the article page or in the popup', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.origin}/demo/`);
    await waitFor(() => totalHighlights(page), (total) => total > 0);
    const popup = await session.browser.openPopup();
    await waitFor(() => popup.evaluate(() => document.getElementById('status')?.textContent ?? '', null), (text) => text.startsWith('Article found'));
    const pageOwn = new Set([`${session.server.origin}/demo/`, `${session.server.origin}/demo/demo.css`, `${session.server.origin}/favicon.ico`]);
    const requests = session.browser.requests ?? [];
    expect(requests.some((url) => url.startsWith('chrome-extension://'))).toBe(true);
    expect(requests.filter((url) => !url.startsWith('chrome-extension://') && !pageOwn.has(url))).toEqual([]);
  });
});

describe('Chromium: the accessibility tree', () => {
  const session = useSession(launchChromium);

  it('keeps an open note in the accessibility tree when the page upgrades the host and hides it through ElementInternals', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.page('/host-upgrader.html', hostUpgrader()));
    await waitFor(() => totalHighlights(page), (total) => total > 30);
    const point = await highlightPoint(page, 'backstory-person', 'Lavrov');
    await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
    await waitFor(() => popoverState(page), (state) => state.open);
    expect(await page.evaluate(() => (window as unknown as { upgraded: number }).upgraded, null)).toBeGreaterThan(0);
    const playwrightPage = page as unknown as Page;
    const cdp = await playwrightPage.context().newCDPSession(playwrightPage);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
    const exposed = nodes.filter((node) => !node.ignored).map((node) => `${node.role?.value} ${node.name?.value ?? ''}`);
    expect(exposed).toContain('dialog Sergey Lavrov');
    expect(exposed).toContain('heading Sergey Lavrov');
  });
});
