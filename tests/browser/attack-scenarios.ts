// The independent red team's attacks of 2026-12-07 (docs/reviews/red-team-2026-12-07.md), as
// assertions: each test is the attack's page and what the reader must get instead of what the
// attack achieved. Run in both browsers; numbers are the report's.
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { notes } from '../../packs/musk-riyadh-2025/annotations.json' with { type: 'json' };
import type { PageStatus } from '../../src/shared/messages.ts';
import { inPopover, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { cardHijacker, cardVeiler, claimHomoglyphs, deepShadowStorm, highlightEraser, markerFlood, wordDrawnInClaim } from './harness/attack-pages.ts';
import { fromExtensionPage, highlightPoint, popoverState, sleep, totalHighlights, waitFor } from './harness/page-probes.ts';
import { openNote, useSession } from './harness/session.ts';

const ADMINISTRATION = notes.find((note) => note.id === 'claim/current-administration');

/**
 * For each person highlight in view, the share of pure green pixels (the page eraser's colour) in
 * its fill band: near 1 where the page's highlight paints over Backstory's, low where Backstory's
 * translucent fill is on top.
 */
async function greenInFills(tab: TestPage): Promise<number[]> {
  const boxes = await tab.evaluate(() => {
    scrollTo(0, 0);
    const found: Array<{ left: number; top: number; width: number; height: number }> = [];
    for (const painted of (CSS.highlights.get('backstory-person') ?? []) as unknown as Set<AbstractRange>) {
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      for (const rect of range.getClientRects()) {
        if (rect.width > 20 && rect.top > 0 && rect.bottom < innerHeight) found.push({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      }
    }
    return found;
  }, null);
  await sleep(300);
  const png = PNG.sync.read(Buffer.from(await tab.screenshot()));
  const scale = png.width / (await tab.evaluate(() => innerWidth, null));
  return boxes.map((box) => {
    let green = 0;
    let count = 0;
    for (let y = Math.ceil((box.top + box.height * 0.1) * scale); y < Math.floor((box.top + box.height * 0.55) * scale); y++) {
      for (let x = Math.ceil((box.left + 1) * scale); x < Math.floor((box.left + box.width - 1) * scale); x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i] < 40 && png.data[i + 1] > 215 && png.data[i + 2] < 40) green++;
        count++;
      }
    }
    return count === 0 ? 0 : Math.round((green / count) * 100) / 100;
  });
}

export function describeAttacks(launch: () => Promise<TestBrowser>): void {
  const session = useSession(launch);
  let tabs = 0;

  async function open(html: string, timeoutMs = 15_000): Promise<TestPage> {
    const tab = await session.browser.newPage();
    await tab.goto(session.server.page(`/attack-${++tabs}.html`, html));
    await waitFor(() => totalHighlights(tab), (total) => total > 30, timeoutMs);
    return tab;
  }

  async function popupStatus(tab: TestPage): Promise<{ status: PageStatus; text: string }> {
    await tab.bringToFront();
    const popup = await session.browser.openPopup();
    try {
      const text = await waitFor(() => popup.evaluate(() => document.getElementById('status')?.textContent ?? '', null), (value) => value.startsWith('Article found'));
      return { status: await fromExtensionPage<PageStatus>(popup, { send: { type: 'get-status' } }), text };
    } finally {
      await popup.close();
    }
  }

  it('(1) puts the open note back as written, and says the page interfered, when the page reaches into the card through window.find()', async () => {
    const tab = await open(cardHijacker());
    const { popup } = await openNote(session.browser, tab, 'claim/current-administration');
    await popup.close();
    await tab.bringToFront();
    const outcome = await tab.evaluate(() => (window as unknown as { hijack(): string }).hijack(), null);
    // Firefox hands the page the card's own text node; Chromium retargets the selection to <html>.
    if (session.browser.name === 'firefox') expect(outcome).toBe('rewritten');
    await sleep(300);
    const card = await inPopover(tab, (root) => ({ title: root.querySelector('.title')?.textContent, text: root.querySelector('.card')?.textContent ?? '' }), null);
    expect(card?.title).toBe(ADMINISTRATION?.title);
    expect(card?.text).toContain(ADMINISTRATION?.summary.replace(/\[[\d,]+\]/g, '').slice(0, 40));
    expect(card?.text).not.toContain('Verified');
    expect((await popoverState(tab)).open).toBe(true);
    if (outcome === 'rewritten') expect((await popupStatus(tab)).status.interfered).toBe(true);
    await tab.close();
  });

  it('(3) highlights the article whatever number of its rare words the page adds, and never says it is not there', async () => {
    // Past SpiderMonkey's argument limit, and so past V8's.
    const tab = await open(markerFlood(600_000), 30_000);
    const { status } = await popupStatus(tab);
    expect(status.state).toBe('found');
    await tab.close();
  });

  it('(4) says in the popup how many notes are not on the page as the article wrote them when look-alike letters silence the claims', async () => {
    const tab = await open(claimHomoglyphs());
    const { status, text } = await popupStatus(tab);
    // Quotes are matched with edits allowed, so some claims survive one look-alike letter; the rest
    // are gone, and the popup counts them.
    const claims = notes.filter((note) => note.kind === 'claim' && !('withdrawn' in note));
    const shownClaims = status.notes.filter((note) => note.kind === 'claim');
    expect(shownClaims.length).toBeLessThan(claims.length - 5);
    const missing = Number(/(\d+) of its notes are not on this page as the article wrote them/.exec(text)?.[1] ?? 0);
    expect(missing).toBe(notes.filter((note) => !('withdrawn' in note)).length - status.notes.length);
    await tab.close();
  });

  it.each(wordDrawnInClaim)('(5) paints no claim over a word drawn by %s, and names the note in the popup', async (_how, html) => {
    const tab = await open(html);
    const claims = () => tab.evaluate(() => {
      const painted = (CSS.highlights.get('backstory-claim') ?? []) as unknown as Set<AbstractRange>;
      return [...painted].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      });
    }, null);
    const marks = await waitFor(claims, (list) => list.length > 10);
    expect(marks.filter((text) => text.includes('administration has'))).toEqual([]);
    const { status, text } = await popupStatus(tab);
    expect(status.notes.some((note) => note.id === 'claim/current-administration')).toBe(false);
    // Withheld with its reason, or not anchored at all (then counted among the notes not on the page).
    const withheld = status.withheld?.find((note) => note.id === 'claim/current-administration');
    if (withheld) expect(withheld.reason).toBe('foreign-content');
    else expect(text).toMatch(/\d+ of its notes are not on this page/);
    await tab.close();
  });

  it('(7) paints its highlights above a page’s own highlight of higher priority over them, and says the page interfered', async () => {
    const tab = await open(highlightEraser(1000));
    await waitFor(() => tab.evaluate(() => (window as unknown as { erased: boolean }).erased, null), Boolean);
    // The next check (once a second at most, or the reader's input) sees it.
    const stacked = () => tab.evaluate(() => {
      const entries = [...(CSS.highlights as unknown as Map<string, Highlight>)];
      const eraser = entries.findIndex(([name]) => name === 'page-eraser');
      // Painted on top: a higher priority, or the same one registered later.
      const own = entries.filter(([name]) => name.startsWith('backstory'));
      return eraser >= 0 && own.length > 0 && own.every(([, highlight]) => {
        const order = entries.findIndex(([, other]) => other === highlight);
        return highlight.priority > entries[eraser][1].priority || (highlight.priority === entries[eraser][1].priority && order > eraser);
      });
    }, null);
    expect(await waitFor(stacked, Boolean, 5000)).toBe(true);
    // What the reader sees: a person's fill over the page's green, not the green alone.
    const greenShare = await greenInFills(tab);
    console.log(`${session.browser.name}: share of the eraser’s green in person fills`, greenShare);
    expect(greenShare.length).toBeGreaterThan(2);
    expect(greenShare.filter((share) => share > 0.5), JSON.stringify(greenShare)).toEqual([]);
    const { status } = await popupStatus(tab);
    expect(status.interfered).toBe(true);
    expect(status.blocked).toBeUndefined();
    await tab.close();
  });

  it('(7) says the page is blocking Backstory when the page’s highlight over its own holds the highest priority there is', async () => {
    const tab = await open(highlightEraser(2 ** 31 - 1));
    await waitFor(() => tab.evaluate(() => (window as unknown as { erased: boolean }).erased, null), Boolean);
    const { status } = await waitFor(() => popupStatus(tab), (value) => value.status.blocked !== undefined, 8000);
    expect(status).toMatchObject({ interfered: true, blocked: 'highlights' });
    await tab.bringToFront();
    const popup = await session.browser.openPopup();
    expect(await fromExtensionPage<string>(popup, { badge: true })).toBe('!');
    await popup.close();
    await tab.close();
  });

  it('(7) sees the page’s highlight over its own even when the page’s registry hides it from forEach (Firefox: reported as blocking)', async () => {
    const tab = await open(highlightEraser(1000, true));
    await waitFor(() => tab.evaluate(() => (window as unknown as { erased: boolean }).erased, null), Boolean);
    // Chromium's isolated world has its own forEach: the highlight is seen and painted over. A Firefox
    // content script calls the page's, which leaves an entry out: the registry cannot be read.
    const { status } = await waitFor(() => popupStatus(tab), (value) => value.status.interfered, 8000);
    if (session.browser.name === 'firefox') expect(status.blocked).toBe('highlights');
    else expect(status.blocked).toBeUndefined();
    await tab.close();
  });

  it('(8) ends a view transition that keeps the open card from being drawn, and keeps the card open', async () => {
    const tab = await open(cardVeiler());
    const point = await highlightPoint(tab, 'backstory-person', 'Lavrov');
    await tab.mouse.move(point?.x ?? 0, point?.y ?? 0);
    await waitFor(() => popoverState(tab), (state) => state.open);
    const transition = () => tab.evaluate(() => (window as unknown as { transition: { started: number; ended: number } }).transition, null);
    const supported = await tab.evaluate(() => 'startViewTransition' in document, null);
    if (session.browser.name === 'chromium') expect(supported).toBe(true);
    if (supported) {
      await waitFor(transition, (value) => value.started > 0, 5000);
      // The card's once-a-second check ends it.
      expect(await waitFor(transition, (value) => value.ended === value.started, 5000)).toMatchObject({ started: 1, ended: 1 });
    }
    expect(await popoverState(tab)).toMatchObject({ open: true, title: 'Sergey Lavrov' });
    await tab.close();
  });

  it('(10) keeps the page’s own frames coming while it changes a node thousands deep in a shadow root thousands of times a frame', async () => {
    // Firefox's own cost of the changes on a 5,000-deep chain is already 150 ms a frame: a smaller storm there.
    const [depth, flips] = session.browser.name === 'chromium' ? [5000, 5000] : [2000, 1000];
    const tab = await open(deepShadowStorm(depth, flips));
    await tab.evaluate(() => (window as unknown as { storm(): void }).storm(), null);
    await sleep(4000);
    const gaps = await tab.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps.slice(), null);
    const sorted = [...gaps].sort((a, b) => a - b);
    const summary = { frames: gaps.length, median: Math.round(sorted[sorted.length >> 1] ?? Infinity), longest: Math.round(sorted[sorted.length - 1] ?? Infinity) };
    console.log(`${session.browser.name}: frames of a page storming a deep shadow root over 4 s`, summary);
    // Without the fix: one frame every 1.6–2.4 s (1 or 2 frames here). With it, measured: Chromium
    // 49 frames, median 83 ms (the browser's own delivery of 5,000 records a frame); Firefox 162,
    // 17 ms. Bounds loose enough for a slow, shared machine.
    expect(summary.frames).toBeGreaterThanOrEqual(10);
    expect(summary.median).toBeLessThan(300);
    expect(summary.longest).toBeLessThan(1000);
    await tab.close();
  });
}
