// Reading and writing the settings from extension pages (popup, options, background).
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await readSettings()));
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
