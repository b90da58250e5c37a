// Background: settings defaults on install, the toolbar badge, keyboard commands, the judging of the
// text a tab's gate found around a pack's markers, the injection of the overlay when that text
// carries the article (a bundled pack's from its files, an imported pack's from storage), the
// anchoring of the notes in the text the overlay reads there; and the imported packs' gate,
// registered only while a pack is imported.
import browser, { type Runtime } from 'webextension-polyfill';
import { decodeHashes } from '../core/base64.ts';
import { WELCOME_PAGE } from '../shared/extension-pages.ts';
import { packs as bundledPacks } from 'virtual:backstory-pack-list';
import { packs as detectionPacks } from 'virtual:backstory-detection';
import { packs as anchoringPacks } from 'virtual:backstory-anchoring';
import { pagePlace, textOfRequest } from '../core/anchor-request.ts';
import { createTextAnchorer, textPlaces, type TextAnchoring } from '../core/anchor-text.ts';
import { judgeTexts } from '../core/judge.ts';
import { highlightable } from '../model/note-changes.ts';
import { HIGHLIGHT_FILLS_FILE, HIGHLIGHTS_FILE, OVERLAY_FILE, PACK_GLOBAL, packFile } from '../shared/injected-files.ts';
import type { ImportedPack } from '../shared/imported-packs.ts';
import { readImportedPacks, syncImportedGate } from '../shared/imported-store.ts';
import { MOST_PLACES, parseToBackground, toImportedGate, type AnchorAnswer, type DetectAnswer, type ToBackground } from '../shared/messages.ts';
import { isActiveOn } from '../shared/settings.ts';
import { readSettings, updateSettings } from '../shared/settings-store.ts';

/** Packs built into this extension: their files are injected; any other slug is an imported pack, from storage. */
const BUNDLED = new Set(bundledPacks.map((pack) => pack.slug));

// The imported packs' gate is registered while a pack is imported and not otherwise; checked every
// time the background starts, and at browser start-up (a listener there makes both browsers start
// it then), since what survives an update or a restart is not the same in Chromium and Firefox.
const checkImportedGate = () => void syncImportedGate().catch((error: unknown) => console.error('[Backstory] imported packs gate', error));
checkImportedGate();
browser.runtime.onStartup.addListener(checkImportedGate);

// Defaults on install, and migration of older or damaged settings on update.
browser.runtime.onInstalled.addListener(() => updateSettings((settings) => settings));

// The first-run page (an extension page: no web page sees it), on a fresh install only.
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
});

/**
 * Chromium (156) paints no `background-color` or `color` that a USER sheet gives a `::highlight()`,
 * though it paints the sheet's underlines; Firefox paints both. So the fills are an AUTHOR sheet in
 * Chromium, where the page can restyle them (the overlay checks and reports it), and USER in Firefox.
 */
const FILLS_ORIGIN = __BROWSER__ === 'firefox' ? 'USER' : 'AUTHOR';

/** The notes and the overlay run in the content scripts' isolated world. Nothing here is web-accessible. */
async function loadOverlay(tabId: number, frameId: number, slug: string): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  const imported = BUNDLED.has(slug) ? undefined : (await readImportedPacks())[slug];
  if (!BUNDLED.has(slug) && !imported) return false;
  if (imported) {
    // An imported pack's notes come from storage, as data (structured-cloned arguments), never as
    // code; they must be in place before the overlay script runs.
    // The matcher's reading of the notes stays here: the background anchors them.
    await browser.scripting.executeScript({ target, func: definePack, args: [PACK_GLOBAL, { ...imported.data, notesData: undefined }] });
    await browser.scripting.executeScript({ target, files: [OVERLAY_FILE] });
  } else await browser.scripting.executeScript({ target, files: [packFile(slug), OVERLAY_FILE] });
  return true;
}

/**
 * The underlines go in as a USER style sheet: its `!important` rules outrank anything the page's
 * own CSS says about `::highlight(backstory-…)`, and they reach into shadow roots. Inserted only
 * once the overlay has a note to show (it asks once per document): the gate reads some text that
 * anchoring skips (an SVG's own <text>, <textarea>…) or that the reader cannot see, and a page found
 * there, with nothing to mark, must not show the sheet (nor pay the restyling of every element it causes).
 */
async function loadStyles(tabId: number, frameId: number): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  // At once: each is a round trip to the tab's renderer, which is often busy loading the page.
  await Promise.all([
    browser.scripting.insertCSS({ target, files: [HIGHLIGHTS_FILE], origin: 'USER' }),
    browser.scripting.insertCSS({ target, files: [HIGHLIGHT_FILLS_FILE], origin: FILLS_ORIGIN }),
  ]);
  return true;
}

/** Runs in the tab's isolated world: what content/packs/<slug>.js does for a bundled pack. */
function definePack(key: string, data: unknown): void {
  (globalThis as unknown as Record<string, unknown>)[key] = data;
}

/**
 * What the background makes of pack `slug`'s data: a bundled pack's once per background start, an
 * imported pack's from storage each time (it may be replaced); undefined for a pack not installed.
 */
function perPack<T>(ofBundled: (slug: string) => T | undefined, ofImported: (pack: ImportedPack) => T): (slug: string) => Promise<T | undefined> {
  const made = new Map<string, T>();
  return async (slug) => {
    if (!BUNDLED.has(slug)) {
      const imported = await readImportedPacks();
      return Object.hasOwn(imported, slug) ? ofImported(imported[slug]) : undefined;
    }
    const known = made.get(slug) ?? ofBundled(slug);
    if (known !== undefined) made.set(slug, known);
    return known;
  };
}

/** Each pack's fingerprint, decoded. */
const fingerprintOf = perPack<ReadonlySet<number>>(
  (slug) => {
    const encoded = detectionPacks.find((pack) => pack.slug === slug)?.fingerprint;
    return encoded === undefined ? undefined : decodeHashes(encoded);
  },
  (pack) => decodeHashes(pack.detection.fingerprint),
);

/** Whether the stored settings have Backstory on for pack `slug` on the page at `url`. */
async function activeOn(url: string | undefined, slug: string): Promise<boolean> {
  if (!url) return false;
  return isActiveOn(await readSettings(), new URL(url).hostname, slug);
}

/**
 * Judges the text a gate found around a pack's markers (gate.ts): the page carries the article
 * when the shingles found there and before make up its share of the fingerprint (core/judge.ts).
 * Then the overlay goes in before the answer, where the gate has none and Backstory is on: the gate
 * starts it at once. An injection that fails leaves the gate to ask for it (load-overlay), and fail
 * and start again there if it cannot be had.
 */
async function detect(tabId: number, sender: Runtime.MessageSender, message: Extract<ToBackground, { type: 'detect' }>): Promise<DetectAnswer> {
  const fingerprint = await fingerprintOf(message.slug);
  if (!fingerprint) return { found: [], article: false };
  const found = new Set(message.found.filter((hash) => fingerprint.has(hash)));
  const article = judgeTexts(message.texts, fingerprint, found);
  if (article && !message.overlay && (await activeOn(sender.url, message.slug))) {
    await loadOverlay(tabId, sender.frameId ?? 0, message.slug).catch((error: unknown) => console.error('[Backstory] overlay', error));
  }
  return { found: [...found], article };
}

/** Each pack's matcher (the painted notes only). */
const textAnchorerOf = perPack<(text: string) => TextAnchoring>(
  (slug) => {
    const data = anchoringPacks.find((pack) => pack.slug === slug);
    return data && createTextAnchorer(data);
  },
  ({ data }) => createTextAnchorer({ ...data, notes: highlightable(data.notes) }),
);

/**
 * The places of pack `slug`'s notes in the text an overlay read on its page (content/anchor.ts), or
 * in the stretches of it near the markers (core/anchor-request.ts): the matching runs here, off the
 * page's main thread. No places for a pack that is not installed.
 */
async function anchor(message: Extract<ToBackground, { type: 'anchor' }>): Promise<AnchorAnswer> {
  const anchorText = await textAnchorerOf(message.slug);
  if (!anchorText) return { places: [] };
  const { text, pageOffset } = textOfRequest(message);
  return { places: textPlaces(anchorText(text), MOST_PLACES).map((place) => pagePlace(place, pageOffset)) };
}

async function handle(message: ToBackground, sender: Runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  switch (message.type) {
    case 'note-count':
      await browser.action.setBadgeText({ tabId, text: message.count > 0 ? String(message.count) : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#3366cc' });
      return undefined;
    case 'blocked':
      // Out of the page's reach: the badge, and the popup (from the tab's status).
      await browser.action.setBadgeText({ tabId, text: '!' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
      await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('badgeBlocked') });
      return undefined;
    case 'detect':
      return detect(tabId, sender, message);
    case 'anchor':
      return anchor(message);
    case 'load-overlay':
      return loadOverlay(tabId, sender.frameId ?? 0, message.slug);
    case 'load-styles':
      return loadStyles(tabId, sender.frameId ?? 0);
    case 'open-source':
      await browser.tabs.create({ url: message.url, openerTabId: tabId, index: (sender.tab?.index ?? 0) + 1 });
      return undefined;
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseToBackground(raw);
  if (!message || sender.id !== browser.runtime.id) return undefined;
  return handle(message, sender);
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'next-note' && command !== 'previous-note') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message = { type: 'step-note', direction: command === 'next-note' ? 1 : -1 } as const;
  // To both gates: only the one showing an article steps (see messages.ts).
  await Promise.all([browser.tabs.sendMessage(tab.id, message).catch(() => undefined), browser.tabs.sendMessage(tab.id, toImportedGate(message)).catch(() => undefined)]);
});
