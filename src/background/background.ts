// Background: settings defaults on install, the toolbar badge, and keyboard commands.
import browser, { type Runtime } from 'webextension-polyfill';
import { parseToBackground } from '../shared/messages.ts';
import { updateSettings } from '../shared/settings-store.ts';

// Defaults on install, and migration of older or damaged settings on update.
browser.runtime.onInstalled.addListener(() => updateSettings((settings) => settings));

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
