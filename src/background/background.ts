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

/**
 * The underlines go in as a USER style sheet: its `!important` rules outrank anything the page's
 * own CSS says about `::highlight(backstory-…)`, and they reach into shadow roots. The notes and
 * the overlay run in the content scripts' isolated world. Nothing here is web-accessible.
 */
async function loadOverlay(tabId: number, frameId: number, slug: string): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  // At once: each is a round trip to the tab's renderer, which is often busy loading the page.
  await Promise.all([
    browser.scripting.insertCSS({ target, files: [HIGHLIGHTS_FILE], origin: 'USER' }),
    browser.scripting.insertCSS({ target, files: [HIGHLIGHT_FILLS_FILE], origin: FILLS_ORIGIN }),
    browser.scripting.executeScript({ target, files: [packFile(slug), OVERLAY_FILE] }),
  ]);
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
