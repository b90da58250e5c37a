// The reader's settings: their shape, defaults, and how any stored value (old, broken, foreign)
// becomes a valid one.

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export interface Settings {
  version: number;
  /** The toolbar popup's "Highlights" switch. */
  enabled: boolean;
  /** Host names where the reader switched Backstory off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Never throws: fields of the wrong type fall back to their defaults. */
export function parseSettings(stored: unknown): Settings {
  const raw = isRecord(stored) ? stored : {};
  const sites = Array.isArray(raw.disabledSites) ? raw.disabledSites : [];
  return {
    version: SETTINGS_VERSION,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [...new Set(sites.filter((site): site is string => typeof site === 'string' && site.length > 0))],
  };
}

export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

export function withSite(settings: Settings, host: string, active: boolean): Settings {
  const others = settings.disabledSites.filter((site) => site !== host);
  return { ...settings, disabledSites: active ? others : [...others, host] };
}
