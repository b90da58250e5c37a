// Background: settings defaults on install, the toolbar badge, and keyboard commands.
import browser, { type Runtime } from 'webextension-polyfill';
import { parseToBackground } from '../shared/messages.ts';
import { parseSettings, SETTINGS_KEY } from '../shared/settings.ts';

browser.runtime.onInstalled.addListener(async () => {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(stored[SETTINGS_KEY]) });
});

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseToBackground(raw);
  const tabId = sender.tab?.id;
  if (!message || tabId === undefined || sender.id !== browser.runtime.id) return undefined;
  const text = message.count > 0 ? String(message.count) : '';
  void browser.action.setBadgeText({ tabId, text });
  void browser.action.setBadgeBackgroundColor({ tabId, color: '#3366cc' });
  return undefined;
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'next-note' && command !== 'previous-note') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs
    .sendMessage(tab.id, { type: 'step-note', direction: command === 'next-note' ? 1 : -1 })
    .catch(() => undefined);
});
