// Background: settings defaults on install, the toolbar badge, keyboard commands, and the injection
// of a pack's fingerprint into a tab whose gate found its markers, and of the overlay when it found
// the article.
import browser, { type Runtime } from 'webextension-polyfill';
import { WELCOME_PAGE } from '../shared/extension-pages.ts';
import { fingerprintFile, HIGHLIGHT_FILLS_FILE, HIGHLIGHTS_FILE, OVERLAY_FILE, packFile } from '../shared/injected-files.ts';
import { parseToBackground, type ToBackground } from '../shared/messages.ts';
import { updateSettings } from '../shared/settings-store.ts';

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
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [packFile(slug), OVERLAY_FILE] });
  return true;
}

/**
 * The underlines go in as a USER style sheet: its `!important` rules outrank anything the page's
 * own CSS says about `::highlight(backstory-…)`, and they reach into shadow roots. Inserted only
 * once the overlay has anchored notes (the overlay asks once per document): the gate reads some text
 * that anchoring skips (an SVG's own <text>, <textarea>…), and a page found there, with nothing to
 * mark, must not show the sheet.
 */
async function loadStyles(tabId: number, frameId: number): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.insertCSS({ target, files: [HIGHLIGHTS_FILE], origin: 'USER' });
  await browser.scripting.insertCSS({ target, files: [HIGHLIGHT_FILLS_FILE], origin: FILLS_ORIGIN });
  return true;
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
    case 'load-fingerprint':
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [fingerprintFile(message.slug)] });
      return true;
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
  await browser.tabs
    .sendMessage(tab.id, { type: 'step-note', direction: command === 'next-note' ? 1 : -1 })
    .catch(() => undefined);
});
