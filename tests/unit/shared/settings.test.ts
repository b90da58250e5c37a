import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings, storedIsActiveOn } from '../../../src/shared/settings.ts';
import { withSite } from '../../../src/shared/site-list.ts';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces fields of the wrong type', () => {
    expect(parseSettings({ enabled: 'no', disabledSites: ['a.example', 3, '', 'a.example'], mentions: 'some', dwellMs: '9' })).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a.example'],
    });
    expect(parseSettings({ enabled: false, disabledSites: 'b.example', kinds: { claim: false, person: 'x' } })).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      kinds: { person: true, event: true, claim: false },
    });
  });

  it('migrates version 1 settings, keeping what the reader chose', () => {
    expect(parseSettings({ version: 1, enabled: false, disabledSites: ['news.example'] })).toEqual({
      ...DEFAULT_SETTINGS,
      version: 2,
      enabled: false,
      disabledSites: ['news.example'],
    });
  });

  it('keeps the dwell delay within its range', () => {
    expect(parseSettings({ dwellMs: 5 }).dwellMs).toBe(150);
    expect(parseSettings({ dwellMs: 1e9 }).dwellMs).toBe(1500);
    expect(parseSettings({ dwellMs: Number.NaN }).dwellMs).toBe(350);
  });

  it('never throws and always returns a valid shape, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const settings = parseSettings(stored);
        expect(typeof settings.enabled).toBe('boolean');
        expect(settings.disabledSites.every((site) => typeof site === 'string' && site.length > 0)).toBe(true);
        expect(['subtle', 'normal', 'strong']).toContain(settings.intensity);
        expect(settings.dwellMs).toBeGreaterThanOrEqual(150);
        expect(Object.values(settings.kinds).every((flag) => typeof flag === 'boolean')).toBe(true);
      }),
    );
  });
});

describe('per-site switch', () => {
  it('turns a site off and on again', () => {
    const off = withSite(DEFAULT_SETTINGS, 'news.example', false);
    expect(isActiveOn(off, 'news.example')).toBe(false);
    expect(isActiveOn(off, 'other.example')).toBe(true);
    expect(isActiveOn(withSite(off, 'news.example', true), 'news.example')).toBe(true);
  });

  it('is overridden by the global switch', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'news.example')).toBe(false);
  });
});

describe('storedIsActiveOn (the gate’s shortcut)', () => {
  it('agrees with isActiveOn(parseSettings(…)) on anything stored', () => {
    const host = fc.constantFrom('a.example', 'b.example', '');
    const stored = fc.oneof(fc.anything(), fc.record({ enabled: fc.anything(), disabledSites: fc.oneof(fc.anything(), fc.array(fc.oneof(host, fc.anything()))) }, { requiredKeys: [] }));
    fc.assert(fc.property(stored, host, (value, site) => storedIsActiveOn(value, site) === isActiveOn(parseSettings(value), site)));
  });
});
