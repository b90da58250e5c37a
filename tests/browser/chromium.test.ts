// The built extension (dist/chrome) in Debian's Chromium, driven by playwright-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from './harness/browsers.ts';
import { totalHighlights, waitFor } from './harness/page-probes.ts';
import { startServer, type TestServer } from './harness/server.ts';
import { describeRobustness } from './robustness-scenarios.ts';
import { describeReader } from './reader-scenarios.ts';
import { describeExtension } from './scenarios.ts';

describe('Chromium', () => describeExtension(launchChromium));
describe('Chromium: robustness', () => describeRobustness(launchChromium));
describe('Chromium: for every reader', () => describeReader(launchChromium));

describe('Chromium: network', () => {
  let browser: TestBrowser;
  let server: TestServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('makes no request beyond the extension’s own files, on the article page or in the popup', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/demo/`);
    await waitFor(() => totalHighlights(page), (total) => total > 0);
    const popup = await browser.openPopup();
    await waitFor(() => popup.evaluate(() => document.getElementById('status')?.textContent ?? '', null), (text) => text.startsWith('Article found'));
    const pageOwn = new Set([`${server.origin}/demo/`, `${server.origin}/demo/demo.css`, `${server.origin}/favicon.ico`]);
    const requests = browser.requests ?? [];
    expect(requests.some((url) => url.startsWith('chrome-extension://'))).toBe(true);
    expect(requests.filter((url) => !url.startsWith('chrome-extension://') && !pageOwn.has(url))).toEqual([]);
  });
});
