// `npm run screenshots`: renders the popover, the popup and the first-run page, light and dark, in
// Chromium with the built extension loaded, into docs/. What the popup showed (the article's title
// and its number of notes) goes into docs/screenshots.json, which tests/unit/docs/stated-counts.test.ts
// compares with the packs, so the pictures cannot silently go out of date.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { awaitFirstRun } from '../tests/browser/harness/browsers.ts';
import { startServer } from '../tests/browser/harness/server.ts';

const DIST = join(process.cwd(), 'dist/chrome');
const profile = mkdtempSync(join(tmpdir(), 'backstory-shots-'));
const server = await startServer();
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1100, height: 720 },
  deviceScaleFactor: 1,
  args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let shown = { status: '', about: '' };
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The first-run tab opens on install: waited for first, so that the popup reports on the demo's tab.
  await awaitFirstRun(context);
  for (const scheme of ['light', 'dark'] as const) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.origin}/demo/`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0);
    const point = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('backstory-person') as unknown as Set<AbstractRange>)].map((painted) => {
        const copy = document.createRange();
        copy.setStart(painted.startContainer, painted.startOffset);
        copy.setEnd(painted.endContainer, painted.endOffset);
        return copy;
      });
      const range = ranges.find((candidate) => candidate.toString() === 'Yury Ushakov') ?? ranges[0];
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    // The card is in a closed shadow root: wait for Backstory's element to be painted below the name.
    await page.waitForFunction(({ x, y }) => document.elementFromPoint(x + 20, y + 30)?.localName.startsWith('backstory-'), point);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `docs/popover-${scheme}.png` });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 348, height: 560 });
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
    await popup.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Article found'));
    await popup.screenshot({ path: `docs/popup-${scheme}.png` });
    shown = await popup.evaluate(() => ({
      status: document.getElementById('status')?.textContent ?? '',
      about: document.body.textContent ?? '',
    }));
    await popup.close();
    await page.close();
    // The first-run page, with the sample note of a name in the excerpt open.
    const welcome = await context.newPage();
    await welcome.setViewportSize({ width: 900, height: 720 });
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.goto(`chrome-extension://${extensionId}/src/welcome/welcome.html`);
    await welcome.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0 && document.querySelectorAll('#shortcuts li').length > 0);
    await welcome.hover('.mention[data-note="person/sergey-lavrov"]');
    await welcome.waitForSelector('#try-card:not([hidden])');
    await welcome.screenshot({ path: `docs/welcome-${scheme}.png`, fullPage: true });
    await welcome.close();
    console.log(`docs/popover-${scheme}.png, docs/popup-${scheme}.png, docs/welcome-${scheme}.png`);
  }
  const notes = Number(/(\d+) notes?/.exec(shown.status)?.[1] ?? 'NaN');
  // The popup's "About this article" starts with the article's title in quotation marks.
  const title = /About this article\s*“([^”]+)”/.exec(shown.about)?.[1] ?? '';
  writeFileSync('docs/screenshots.json', `${JSON.stringify({ popupStatus: shown.status, popupNotes: notes, popupArticleTitle: title }, null, 2)}\n`);
  console.log(`docs/screenshots.json: the popup says "${shown.status}"`);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
