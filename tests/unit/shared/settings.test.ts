import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings } from '../../../src/shared/settings.ts';
import { storedIsActiveOn } from '../../../src/shared/stored-settings.ts';
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

  it('migrates older settings (v1 had two fields and a version), keeping what the reader chose', () => {
    expect(parseSettings({ version: 1, enabled: false, disabledSites: ['news.example'] })).toEqual({
      ...DEFAULT_SETTINGS,
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

describe('packs switched off', () => {
  it('keeps the list of slugs, and switches only that pack off', () => {
    const settings = parseSettings({ disabledPacks: ['other-pack', 3, '', 'other-pack'] });
    expect(settings.disabledPacks).toEqual(['other-pack']);
    expect(isActiveOn(settings, 'a.example', 'other-pack')).toBe(false);
    expect(isActiveOn(settings, 'a.example', 'musk-riyadh-2025')).toBe(true);
  });
});

describe('storedIsActiveOn (the gate’s shortcut)', () => {
  it('agrees with isActiveOn(parseSettings(…)) on anything stored', () => {
    const host = fc.constantFrom('a.example', 'b.example', '');
    const pack = fc.constantFrom('musk-riyadh-2025', 'other-pack', '');
    const names = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.anything(), fc.array(fc.oneof(arbitrary, fc.anything())));
    const stored = fc.oneof(fc.anything(), fc.record({ enabled: fc.anything(), disabledSites: names(host), disabledPacks: names(pack) }, { requiredKeys: [] }));
    fc.assert(fc.property(stored, host, pack, (value, site, slug) => storedIsActiveOn(value, site, slug) === isActiveOn(parseSettings(value), site, slug)));
  });
});
