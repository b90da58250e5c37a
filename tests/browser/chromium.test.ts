// The built extension (dist/chrome) in Debian's Chromium, driven by playwright-core.
import { describe, expect, it } from 'vitest';
import { launchChromium } from './harness/browsers.ts';
import { totalHighlights, waitFor } from './harness/page-probes.ts';
import { useSession } from './harness/session.ts';
import { describeRobustness } from './robustness-scenarios.ts';
import { describeReader } from './reader-scenarios.ts';
import { describeExtension } from './scenarios.ts';

describe('Chromium', () => describeExtension(launchChromium));
describe('Chromium: robustness', () => describeRobustness(launchChromium));
describe('Chromium: for every reader', () => describeReader(launchChromium));

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
