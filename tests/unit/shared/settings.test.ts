import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings, withSite } from '../../../src/shared/settings.ts';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces fields of the wrong type', () => {
    expect(parseSettings({ enabled: 'no', disabledSites: ['a.example', 3, '', 'a.example'] })).toEqual({
      version: 1,
      enabled: true,
      disabledSites: ['a.example'],
    });
    expect(parseSettings({ enabled: false, disabledSites: 'b.example' })).toEqual({ version: 1, enabled: false, disabledSites: [] });
  });

  it('never throws and always returns a valid shape, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const settings = parseSettings(stored);
        expect(typeof settings.enabled).toBe('boolean');
        expect(settings.disabledSites.every((site) => typeof site === 'string' && site.length > 0)).toBe(true);
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
