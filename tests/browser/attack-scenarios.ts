// The independent red team's attacks of 2026-12-07 (docs/reviews/red-team-2026-12-07.md), as
// assertions: each test is the attack's page and what the reader must get instead of what the
// attack achieved. Run in both browsers; numbers are the report's.
import { expect, it } from 'vitest';
import { notes } from '../../packs/musk-riyadh-2025/annotations.json' with { type: 'json' };
import type { PageStatus } from '../../src/shared/messages.ts';
import { inPopover, type TestBrowser, type TestPage } from './harness/browsers.ts';
import { cardHijacker, cardVeiler, claimHomoglyphs, deepShadowStorm, markerFlood, wordDrawnInClaim } from './harness/attack-pages.ts';
import { fromExtensionPage, highlightPoint, popoverState, sleep, totalHighlights, waitFor } from './harness/page-probes.ts';
import { openNote, useSession } from './harness/session.ts';

const ADMINISTRATION = notes.find((note) => note.id === 'claim/current-administration');

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
