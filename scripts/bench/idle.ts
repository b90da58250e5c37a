// An open article page the reader is reading, with no input: what the extension costs per second
// (V8 samples with a frame of its URL), and how many main-thread frames the page produces while
// still (trace events `BeginMainThreadFrame`: a page that changes nothing should produce none).
import type { CDPSession, Page } from 'playwright-core';
import { attribute, startProfiler, stopProfiler, type Attribution } from './profile.ts';

export interface IdleFigures {
  /** The extension's share of wall time over the idle window, %. */
  sharePercent: number;
  ms: number;
  longestRunMs: number;
  /** Main-thread frames begun during the idle window. */
  mainFrames: number;
  seconds: number;
}

async function countMainFrames(session: CDPSession, during: () => Promise<void>): Promise<number> {
  let frames = 0;
  const collect = (event: { value: Array<{ name?: string }> }) => {
    for (const entry of event.value) if (entry.name === 'BeginMainThreadFrame') frames++;
  };
  session.on('Tracing.dataCollected', collect);
  await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline.frame', 'devtools.timeline'] } });
  await during();
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.end');
  await complete;
  session.off('Tracing.dataCollected', collect);
  return frames;
}

/** Opens `url`, waits `settleMs`, then measures `seconds` of a still page. */
export async function idleArticle(page: Page, session: CDPSession, extensionId: string, url: string, settleMs: number, seconds: number): Promise<IdleFigures> {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.mouse.move(1, 1);
  await page.waitForTimeout(settleMs);
  let profile: Attribution | undefined;
  const mainFrames = await countMainFrames(session, async () => {
    await startProfiler(session, { tasks: false });
    await page.waitForTimeout(seconds * 1000);
    profile = attribute(await stopProfiler(session), extensionId);
  });
  const { ms, wallMs, longestRunMs } = profile as Attribution;
  return { sharePercent: (100 * ms) / wallMs, ms, longestRunMs, mainFrames, seconds };
}
