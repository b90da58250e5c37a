// Functions that read the state of a page under test, from the page's main world (which shares
// CSS.highlights with the content script).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inPopover, type TestPage } from './browsers.ts';

export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chooses a highlight intensity on the options page and waits until it is stored: the page saves
 * with a read and then a write, and an options page closed between the two never saves.
 */
export async function chooseIntensity(options: TestPage, intensity: 'subtle' | 'normal' | 'strong'): Promise<void> {
  await options.evaluate((value) => {
    (document.getElementById('saved') as HTMLElement).textContent = '';
    const select = document.getElementById('intensity') as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, intensity);
  await waitFor(() => options.evaluate(() => document.getElementById('saved')?.textContent ?? '', null), Boolean);
}

/** Number of ranges in each `backstory…` highlight (iterated: with page scripts off, callbacks cannot run). */
export function highlightCounts(page: TestPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (name.startsWith('backstory')) counts[name] = highlight.size;
    }
    return counts;
  }, null);
}

export const totalHighlights = async (page: TestPage) => Object.values(await highlightCounts(page)).reduce((a, b) => a + b, 0);

/** Centre of the first highlighted range whose text is `text`. */
export function highlightPoint(page: TestPage, name: string, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ name, text }) => {
      const highlight = CSS.highlights.get(name);
      // Backstory paints StaticRanges: live copies give their text and rectangles.
      const live = (painted: AbstractRange) => {
        const copy = document.createRange();
        copy.setStart(painted.startContainer, painted.startOffset);
        copy.setEnd(painted.endContainer, painted.endOffset);
        return copy;
      };
      const visible = (range: Range) => range.toString().replace(/\p{Default_Ignorable_Code_Point}/gu, '');
      const range = highlight && [...(highlight as unknown as Set<AbstractRange>)].map(live).find((candidate) => visible(candidate) === text);
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { name, text },
  );
}

export interface PopoverState {
  count: number;
  parent: string | null;
  open: boolean;
  role: string | null;
  title: string | null;
  focused: boolean;
  inViewport: boolean;
}

/** Backstory's popover hosts on <html>: elements named `backstory-…`. */
export const popoverHostCount = (page: TestPage) =>
  page.evaluate(() => [...document.documentElement.children].filter((element) => element.localName.startsWith('backstory-')).length, null);

export async function popoverState(page: TestPage): Promise<PopoverState> {
  const state = await inPopover(page, (root, host) => {
    const card = root.querySelector<HTMLElement>('[role]');
    const rect = card?.getBoundingClientRect();
    return {
      parent: host.parentElement?.tagName ?? null,
      open: !!card && !card.hidden && (rect?.width ?? 0) > 0,
      role: card?.getAttribute('role') ?? null,
      title: card?.querySelector('.title')?.textContent ?? null,
      focused: document.activeElement === host && root.activeElement === card,
      inViewport: !!rect && rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight,
    };
  }, null);
  // Counted after the card is read: a host the popover adds between the two reads is then counted.
  const count = await popoverHostCount(page);
  return { count, ...(state ?? { parent: null, open: false, role: null, title: null, focused: false, inViewport: false }) };
}

/**
 * Whether the live DOM equals the page's source parsed without scripts: what "the extension wrote
 * nothing to the page" means. The popover host, when present, is reported separately.
 */
export function domMatchesSource(page: TestPage): Promise<{ same: boolean; extraOnHtml: string[] }> {
  return page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const parsed = new DOMParser().parseFromString(source, 'text/html');
    const live = document.documentElement;
    const extraOnHtml = [...live.children].filter((child) => !['HEAD', 'BODY'].includes(child.tagName)).map((child) => child.localName)
      // Backstory's host has a random suffix.
      .map((name) => (name.startsWith('backstory-') ? 'backstory-*' : name));
    // <noscript> parses as markup when scripting is off (DOMParser) and as text when it is on.
    const withoutNoscript = (element: Element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelectorAll('noscript').forEach((node) => node.remove());
      return copy.innerHTML;
    };
    const attributes = (element: Element) => [...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`).join(' ');
    const same =
      withoutNoscript(parsed.body) === withoutNoscript(document.body) &&
      attributes(parsed.documentElement) === attributes(live) &&
      attributes(parsed.body) === attributes(document.body) &&
      withoutNoscript(parsed.head) === withoutNoscript(document.head);
    return { same, extraOnHtml };
  }, null);
}

/** Resizes the viewport in either driver (playwright: setViewportSize, puppeteer: setViewport). */
export async function setViewport(page: TestPage, width: number, height: number): Promise<void> {
  const raw = page as unknown as {
    setViewportSize?: (size: { width: number; height: number }) => Promise<void>;
    setViewport?: (size: { width: number; height: number }) => Promise<void>;
  };
  if (raw.setViewportSize) await raw.setViewportSize({ width, height });
  else await raw.setViewport?.({ width, height });
}

/**
 * From an extension page (the popup opened as a tab): sends `message` to the tab used before it,
 * as the background does for a keyboard command, or reads that tab's badge.
 */
export function fromExtensionPage<R>(extensionPage: TestPage, action: { send?: unknown; badge?: true }): Promise<R> {
  return extensionPage.evaluate(async (request) => {
    const self = await chrome.tabs.getCurrent();
    const [target] = (await chrome.tabs.query({ currentWindow: true }))
      .filter((tab) => tab.id !== self?.id)
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    if (target?.id === undefined) throw new Error('no target tab');
    if (request.badge) return chrome.action.getBadgeText({ tabId: target.id });
    return chrome.tabs.sendMessage(target.id, request.send);
  }, action) as Promise<R>;
}

const AXE_SOURCE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core violations (rule id and the first failing target) in a page, or in `include` only. */
export async function axeViolations(page: TestPage, include?: string): Promise<string[]> {
  // Evaluated by the driver as a script of its own, not through the page's eval(), which the
  // extension pages' CSP blocks.
  const evaluateScript = (page as unknown as { evaluate(expression: string): Promise<unknown> }).evaluate.bind(page);
  if (!(await page.evaluate(() => 'axe' in window, null))) await evaluateScript(`${AXE_SOURCE};0`);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes[0]?.target)}`);
  }, include ?? '');
}

/**
 * axe-core violations in the open popover. axe cannot enter a closed shadow root, so its content
 * (the same style sheet and card) is copied into an open one on a test element, checked, and removed.
 */
export async function popoverAxeViolations(page: TestPage): Promise<string[]> {
  const copied = await inPopover(page, (root) => {
    const copy = document.createElement('div');
    copy.id = 'backstory-axe-copy';
    const open = copy.attachShadow({ mode: 'open' });
    for (const child of root.children) open.append(child.cloneNode(true));
    const card = open.querySelector<HTMLElement>('.card');
    if (card) card.removeAttribute('popover');
    document.body.append(copy);
    return true;
  }, null);
  if (!copied) return ['no popover'];
  const violations = await axeViolations(page, '#backstory-axe-copy');
  await page.evaluate(() => document.getElementById('backstory-axe-copy')?.remove(), null);
  return violations;
}
