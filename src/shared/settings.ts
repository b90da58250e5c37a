// The reader's settings: their shape, defaults, and how any stored value (old, broken, foreign)
// becomes a valid one.
import { NOTE_KINDS, type NoteKind } from '../model/note.ts';
import { isRecord } from '../core/is-record.ts';

export { SETTINGS_KEY } from './stored-settings.ts';

const INTENSITIES = ['subtle', 'normal', 'strong'] as const;
export type Intensity = (typeof INTENSITIES)[number];
export type Mentions = 'all' | 'first';

export const DWELL_RANGE = { min: 150, max: 1500, default: 350 } as const;

/** How highlights look and behave on the article page. */
export interface Display {
  kinds: Record<NoteKind, boolean>;
  mentions: Mentions;
  intensity: Intensity;
  /** How long the pointer rests on a highlight before its note opens, in ms. */
  dwellMs: number;
}

export interface Settings extends Display {
  /** The toolbar popup's "Highlights" switch. */
  enabled: boolean;
  /** Host names where the reader switched Backstory off. */
  disabledSites: string[];
  /** Annotation packs (by slug) the reader switched off in the options page. */
  disabledPacks: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  disabledPacks: [],
  kinds: { person: true, event: true, claim: true },
  mentions: 'all',
  intensity: 'normal',
  dwellMs: DWELL_RANGE.default,
});


const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * Never throws: fields of the wrong type fall back to their defaults, so settings stored by an
 * older version (v1 had only `enabled` and `disabledSites`) keep what they had and gain the rest.
 */
export function parseSettings(stored: unknown): Settings {
  const raw = isRecord(stored) ? stored : {};
  const names = (value: unknown): string[] =>
    [...new Set((Array.isArray(value) ? value : []).filter((name): name is string => typeof name === 'string' && name.length > 0))];
  const kinds = isRecord(raw.kinds) ? raw.kinds : {};
  const dwell = typeof raw.dwellMs === 'number' && Number.isFinite(raw.dwellMs) ? Math.round(raw.dwellMs) : DWELL_RANGE.default;
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: names(raw.disabledSites),
    disabledPacks: names(raw.disabledPacks),
    kinds: Object.fromEntries(NOTE_KINDS.map((kind) => [kind, typeof kinds[kind] === 'boolean' ? kinds[kind] : true])) as Record<NoteKind, boolean>,
    mentions: oneOf(raw.mentions, ['all', 'first'], DEFAULT_SETTINGS.mentions),
    intensity: oneOf(raw.intensity, INTENSITIES, DEFAULT_SETTINGS.intensity),
    dwellMs: Math.min(DWELL_RANGE.max, Math.max(DWELL_RANGE.min, dwell)),
  };
}

/** Whether Backstory shows its notes on `host` (for the article of `pack`, when given). */
export function isActiveOn(settings: Settings, host: string, pack?: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host) && !(pack !== undefined && settings.disabledPacks.includes(pack));
}


export function displayOf(settings: Settings): Display {
  const { kinds, mentions, intensity, dwellMs } = settings;
  return { kinds, mentions, intensity, dwellMs };
}
