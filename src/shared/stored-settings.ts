// What the gate needs of the settings, apart from settings.ts so that the script every page loads
// carries nothing else of them (the defaults, the parser): the storage key, and whether Backstory is on.

export const SETTINGS_KEY = 'settings';

/**
 * isActiveOn(parseSettings(stored), host, pack), without parsing the rest: the gate needs only
 * this, and every byte of the gate is loaded on every page.
 */
export function storedIsActiveOn(stored: unknown, host: string, pack: string): boolean {
  // Fields of anything but an object are undefined: the defaults.
  const raw = (stored ?? {}) as Record<string, unknown>;
  const listed = (list: unknown, name: string) => name !== '' && Array.isArray(list) && list.includes(name);
  return raw.enabled !== false && !listed(raw.disabledSites, host) && !listed(raw.disabledPacks, pack);
}
