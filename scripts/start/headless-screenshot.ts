// Without a display: the demo page in a headless browser with the built extension loaded, saved as
// a screenshot once Backstory has painted its highlights. Says how many highlights it found, so a
// page where the article was not found is not mistaken for a working demo.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

interface Screenshotable {
  screenshot(options: { path: string }): Promise<unknown>;
}

export interface Screenshot {
  path: string;
  highlights: number;
}

interface EvaluatesSource {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Every range in Backstory's highlights on the page, once there are any (or 0 after `timeoutMs`).
 * Source text, not a function: tsx names functions through a helper the page does not have.
 */
const countHighlights = (timeoutMs: number) => `new Promise((resolve) => {
  const count = () => [...CSS.highlights.keys()].filter((name) => name.startsWith('backstory')).reduce((sum, name) => sum + CSS.highlights.get(name).size, 0);
  const started = Date.now();
  const poll = () => (count() > 0 || Date.now() - started > ${timeoutMs} ? resolve(count()) : setTimeout(poll, 100));
  poll();
})`;

export async function headlessScreenshot(browserName: 'chromium' | 'firefox', url: string, path: string): Promise<Screenshot> {
  // The harness reads CHROMIUM_PATH / FIREFOX_PATH when it is loaded: load it after they are set.
  const { launchers } = await import('../../tests/browser/harness/browsers.ts');
  const browser = await launchers[browserName]();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const highlights = Number(await (page as unknown as EvaluatesSource).evaluate(countHighlights(10_000)));
    mkdirSync(dirname(path), { recursive: true });
    await (page as unknown as Screenshotable).screenshot({ path });
    return { path, highlights };
  } finally {
    await browser.close();
  }
}
