// Launches the real browsers with the built extension loaded: Chromium through playwright-core,
// Firefox through puppeteer-core over WebDriver BiDi. Both are driven through the same small
// TestBrowser interface so every scenario runs in both.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { WELCOME_PAGE } from '../../../src/shared/extension-pages.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
export const DIST = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };

/** The part of a page API that playwright-core and puppeteer-core share. */
export interface TestPage {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { move(x: number, y: number): Promise<void> };
  touchscreen: { tap(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
  click(selector: string): Promise<void>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  bringToFront(): Promise<void>;
  /** A PNG of the viewport as the reader sees it. */
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Runs `fn` in a page's main world with Backstory's popover host and its shadow root, which is
 * CLOSED: page scripts cannot reach it, so the test drivers hand it over (CDP DOM.describeNode with
 * pierce in Chromium; BiDi serialization with includeShadowTree "all" in Firefox). `fn` is sent as
 * source text and must be self-contained. Undefined when the page has no host.
 */
export type InPopover = <R, A>(page: TestPage, fn: (root: ShadowRoot, host: Element, arg: A) => R | Promise<R>, arg: A) => Promise<R | undefined>;

const popoverReaders = new WeakMap<TestPage, InPopover>();

export const inPopover: InPopover = (page, fn, arg) => {
  const reader = popoverReaders.get(page);
  if (!reader) throw new Error('this page was not opened through TestBrowser.newPage');
  return reader(page, fn, arg);
};

/** Main-world expression for Backstory's popover host: `backstory-<random>` on <html>. */
const FIND_HOST = "[...document.documentElement.children].find((element) => element.localName.startsWith('backstory-')) ?? null";

export interface TestBrowser {
  name: 'chromium' | 'firefox';
  /** The origin of the extension's files: chrome-extension://<id> or moz-extension://<uuid>. */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Opens the extension's popup page in a new tab (it then reports on the tab used before it). */
  openPopup(): Promise<TestPage>;
  /** Opens the extension's options page in a new tab. */
  openOptions(): Promise<TestPage>;
  /** Opens the extension's first-run page in a new tab. */
  openWelcome(): Promise<TestPage>;
  /**
   * The URLs of the tabs the extension opened when it was installed (its first-run page). The launch
   * waits for them, so that none opens later over a test's page, and leaves them open: closed as
   * soon as it appeared, Chromium 156 sometimes gave the next extension page no i18n messages at all
   * (docs/decisions.md).
   */
  openedOnInstall: string[];
  /** Every request the browser's pages made, as URLs (Chromium only). */
  requests?: string[];
  /** Main-thread busy time of a page so far, in seconds (Chromium only, from CDP Performance metrics). */
  busySeconds?(page: TestPage): Promise<{ script: number; task: number }>;
  close(): Promise<void>;
}

/** How the reader's system is set up, fixed at launch (Firefox over BiDi cannot emulate media later). */
export interface ReaderPreferences {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: boolean;
  /** Page scripts off, as a reader's site setting does (Chromium only: playwright's javaScriptEnabled). */
  pageJavaScript?: boolean;
  /** The same browser without Backstory: what pages see when it is not installed. */
  withoutExtension?: boolean;
  /** Forced colours (Windows High Contrast and the like): pages get a few system colours. */
  forcedColors?: boolean;
}

/** Chromium on these machines, offline: no background traffic, and every host but 127.0.0.1 fails at once. */
export const CHROMIUM_OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // Saved pages point at their original sites: fail those lookups at once instead of timing out.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** How long a fresh install may take to open its first-run tab. */
const FIRST_RUN_TIMEOUT_MS = 10_000;

/** Waits for the first-run tab Backstory opens on install (a fresh profile installs it). */
export async function awaitFirstRun(context: import('playwright-core').BrowserContext): Promise<string[]> {
  const deadline = Date.now() + FIRST_RUN_TIMEOUT_MS;
  for (;;) {
    const page = context.pages().find((candidate) => candidate.url().includes(WELCOME_PAGE));
    if (page) return [page.url()];
    if (Date.now() > deadline) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync) ?? 'firefox-esr';

export async function launchChromium(preferences: ReaderPreferences = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme: preferences.colorScheme ?? 'light',
    reducedMotion: preferences.reducedMotion ? 'reduce' : 'no-preference',
    forcedColors: preferences.forcedColors ? 'active' : 'none',
    javaScriptEnabled: preferences.pageJavaScript ?? true,
    // Touch input for the tap tests (pointer events from the driver are trusted, unlike a page's).
    hasTouch: true,
    args: [
      ...(preferences.withoutExtension ? [] : [`--disable-extensions-except=${DIST.chromium}`, `--load-extension=${DIST.chromium}`]),
      ...CHROMIUM_OFFLINE_ARGS,
    ],
  });
  const worker = preferences.withoutExtension ? undefined : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  const extensionId = worker ? new URL(worker.url()).host : 'none';
  const openedOnInstall = preferences.withoutExtension ? [] : await awaitFirstRun(context);
  const sessions = new WeakMap<TestPage, CDPSession>();
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    name: 'chromium',
    extensionOrigin: `chrome-extension://${extensionId}`,
    requests,
    async newPage() {
      const page = (await context.newPage()) as unknown as TestPage;
      popoverReaders.set(page, chromiumPopoverReader(context));
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
      return page as unknown as TestPage;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/options/options.html`);
      return page as unknown as TestPage;
    },
    async openWelcome() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${WELCOME_PAGE}`);
      return page as unknown as TestPage;
    },
    openedOnInstall,
    async busySeconds(page) {
      let session = sessions.get(page);
      if (!session) {
        session = await context.newCDPSession(page as unknown as Page);
        await session.send('Performance.enable');
        sessions.set(page, session);
      }
      const { metrics } = await session.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
      return { script: metric('ScriptDuration'), task: metric('TaskDuration') };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function chromiumPopoverReader(context: import('playwright-core').BrowserContext): InPopover {
  return async (page, fn, arg) => {
    const cdp = await context.newCDPSession(page as unknown as Page);
    try {
      const { result: host } = await cdp.send('Runtime.evaluate', { expression: FIND_HOST });
      if (!host.objectId) return undefined;
      const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) return undefined;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `async function (host, arg) { return JSON.stringify(await (${fn.toString()})(this, host, JSON.parse(arg)) ?? null); }`,
        arguments: [{ objectId: host.objectId }, { value: JSON.stringify(arg ?? null) }],
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return JSON.parse(result.value as string);
    } finally {
      await cdp.detach();
    }
  };
}

interface BidiRemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

/** puppeteer-core's BiDi realm (internal API): resolves to the whole script.evaluate/callFunction result. */
interface BidiRealm {
  evaluate(expression: string, awaitPromise: boolean, options?: object): Promise<{ type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } }>;
  callFunction(declaration: string, awaitPromise: boolean, options?: object): Promise<{ type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } }>;
}

function firefoxPopoverReader(realm: () => BidiRealm): InPopover {
  return async (_page, fn, arg) => {
    const { result: host } = await realm().evaluate(FIND_HOST, false, { serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' }, resultOwnership: 'none' });
    const shadowId = (host?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot?.sharedId;
    if (host?.type !== 'node' || !host.sharedId || !shadowId) return undefined;
    const { result, exceptionDetails } = await realm().callFunction(
      `async function (root, host, arg) { return JSON.stringify(await (${fn.toString()})(root, host, JSON.parse(arg)) ?? null); }`,
      true,
      { arguments: [{ sharedId: shadowId }, { sharedId: host.sharedId }, { type: 'string', value: JSON.stringify(arg ?? null) }], resultOwnership: 'none' },
    );
    if (exceptionDetails || result?.type !== 'string') throw new Error(`popover reader failed: ${exceptionDetails?.text ?? result?.type}`);
    return JSON.parse(result.value as string);
  };
}

/**
 * Firefox's first-run tab (see awaitFirstRun). puppeteer keeps reporting a tab that an extension
 * opened as about:blank, so each tab is asked where it is.
 */
async function awaitFirefoxFirstRun(browser: import('puppeteer-core').Browser): Promise<string[]> {
  const deadline = Date.now() + FIRST_RUN_TIMEOUT_MS;
  for (;;) {
    for (const page of await browser.pages()) {
      const url = await page.evaluate(() => location.href).catch(() => '');
      if (url.includes(WELCOME_PAGE)) return [url];
    }
    if (Date.now() > deadline) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const FIREFOX_UUID = 'c0ffee00-0000-4000-8000-00000000b57e';

export async function launchFirefox(preferences: ReaderPreferences = {}): Promise<TestBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'backstory@backstory.invalid': FIREFOX_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
      'browser.shell.checkDefaultBrowser': false,
      // 0 = dark, 1 = light, for pages and extension pages alike.
      'layout.css.prefers-color-scheme.content-override': preferences.colorScheme === 'dark' ? 0 : 1,
      'ui.prefersReducedMotion': preferences.reducedMotion ? 1 : 0,
      // 2 = always use the system's colours: `forced-colors: active`.
      'browser.display.document_color_use': preferences.forcedColors ? 2 : 0,
      // Saved pages point at their original sites: refuse those connections at once.
      'network.dns.disablePrefetch': true,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  if (!preferences.withoutExtension) await browser.installExtension(DIST.firefox);
  const openedOnInstall = preferences.withoutExtension ? [] : await awaitFirefoxFirstRun(browser);
  async function openExtensionPage(path: string, ready: string): Promise<TestPage> {
    const page = await browser.newPage();
    // goto() to an extension page may never report completion in Firefox: do not wait for it.
    await page.goto(`moz-extension://${FIREFOX_UUID}/${path}`, { timeout: 3000 }).catch(() => undefined);
    await page.waitForSelector(ready);
    return page as unknown as TestPage;
  }
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${FIREFOX_UUID}`,
    async newPage() {
      const page = await browser.newPage();
      // puppeteer-core 24.43's setViewport also sends emulation.setScreenOrientationOverride, which
      // Firefox ESR 140 does not know: resize through the BiDi command alone.
      const context = (page.mainFrame() as unknown as { browsingContext: { setViewport(options: object): Promise<void> } }).browsingContext;
      page.setViewport = async (viewport) => {
        await context.setViewport({ viewport: viewport && { width: viewport.width, height: viewport.height }, devicePixelRatio: null });
      };
      await page.setViewport({ width: 1280, height: 800 });
      const frame = page.mainFrame() as unknown as { browsingContext: { defaultRealm: BidiRealm } };
      popoverReaders.set(page as unknown as TestPage, firefoxPopoverReader(() => frame.browsingContext.defaultRealm));
      return page as unknown as TestPage;
    },
    openPopup: () => openExtensionPage('src/popup/popup.html', '#status'),
    openOptions: () => openExtensionPage('src/options/options.html', '#dwell'),
    openWelcome: () => openExtensionPage(WELCOME_PAGE, '#excerpt p'),
    openedOnInstall,
    close: () => browser.close(),
  };
}

export const launchers = { chromium: launchChromium, firefox: launchFirefox };
