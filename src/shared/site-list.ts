// The per-site switch: which hosts the reader turned Backstory off on.
import type { Settings } from './settings.ts';

export function withSite(settings: Settings, host: string, active: boolean): Settings {
  const others = settings.disabledSites.filter((site) => site !== host);
  return { ...settings, disabledSites: active ? others : [...others, host] };
}
