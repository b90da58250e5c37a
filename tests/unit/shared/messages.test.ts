import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOST_PLACES, parseAnchorAnswer, parseToBackground, parseToContent } from '../../../src/shared/messages.ts';
import { parsePageStatus } from '../../../src/shared/page-status.ts';

describe('message parsing', () => {
  it('accepts the known messages', () => {
    expect(parseToContent({ type: 'get-status' })).toEqual({ type: 'get-status' });
    expect(parseToContent({ type: 'show-note', id: 'person/elon-musk', extra: 1 })).toEqual({ type: 'show-note', id: 'person/elon-musk' });
    expect(parseToContent({ type: 'step-note', direction: -1 })).toEqual({ type: 'step-note', direction: -1 });
    expect(parseToBackground({ type: 'note-count', count: 38 })).toEqual({ type: 'note-count', count: 38 });
  });

  it('ignores unknown and malformed messages', () => {
    expect(parseToContent({ type: 'step-note', direction: 2 })).toBeUndefined();
    expect(parseToContent({ type: 'show-note', id: 7 })).toBeUndefined();
    expect(parseToContent('get-status')).toBeUndefined();
    expect(parseToBackground({ type: 'note-count', count: -1 })).toBeUndefined();
    expect(parseToBackground({ type: 'note-count', count: 1.5 })).toBeUndefined();
  });

  it('drops notes of the wrong shape from a page status', () => {
    const status = parsePageStatus({ state: 'found', host: 'a.example', notes: [{ id: 'x', kind: 'person', title: 'X' }, { id: 'y', kind: 'rumour', title: 'Y' }, null] });
    expect(status).toEqual({ state: 'found', host: 'a.example', notes: [{ id: 'x', kind: 'person', title: 'X' }], interfered: false });
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], interfered: true })?.interfered).toBe(true);
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], interfered: true, blocked: 'inert' })?.blocked).toBe('inert');
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], blocked: 'everything' })?.blocked).toBeUndefined();
    const editions = [
      { id: 'a', kind: 'event', title: 'A', version: 2, updated: '2026-12-07', changeNote: 'What changed: x.', extra: '<b>' },
      { id: 'b', kind: 'event', title: 'B', version: 0, updated: '2026-12-07' },
      { id: 'c', kind: 'claim', title: 'C', version: 3, updated: '2026-12-07', withdrawn: { on: '2026-12-07', reason: 'Wrong.' } },
      { id: 'd', kind: 'person', title: 'D', version: 1, updated: 'yesterday' },
    ];
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], pack: 'p', editions })).toMatchObject({
      pack: 'p',
      editions: [
        { id: 'a', kind: 'event', title: 'A', version: 2, updated: '2026-12-07', changeNote: 'What changed: x.' },
        { id: 'c', kind: 'claim', title: 'C', version: 3, updated: '2026-12-07', withdrawn: { on: '2026-12-07', reason: 'Wrong.' } },
      ],
    });
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], pack: 'p', editions })?.editions?.[0]).not.toHaveProperty('extra');
    expect(parsePageStatus({ state: 'lost', host: 'a.example' })).toBeUndefined();
  });

  it('keeps withheld notes of the right shape only, with nothing else on them', () => {
    const withheld = [{ id: 'claim/a', title: 'A', reason: 'generated-content', extra: 'x' }, { id: 'claim/b', title: 'B', reason: 'because' }, { id: 3, title: 'C', reason: 'hidden' }];
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], withheld })?.withheld).toEqual([{ id: 'claim/a', title: 'A', reason: 'generated-content' }]);
    expect(parsePageStatus({ state: 'found', host: 'a.example', notes: [], withheld: [] })).not.toHaveProperty('withheld');
  });

  it('accepts only https sources and pack slugs from content scripts', () => {
    expect(parseToBackground({ type: 'open-source', url: 'https://example.org/a' })).toEqual({ type: 'open-source', url: 'https://example.org/a' });
    expect(parseToBackground({ type: 'open-source', url: 'javascript:alert(1)' })).toBeUndefined();
    expect(parseToBackground({ type: 'open-source', url: 'http://example.org/' })).toBeUndefined();
    expect(parseToBackground({ type: 'load-overlay', slug: 'musk-riyadh-2025' })).toEqual({ type: 'load-overlay', slug: 'musk-riyadh-2025' });
    expect(parseToBackground({ type: 'load-overlay', slug: '../../evil' })).toBeUndefined();
    const detect = { type: 'detect', slug: 'musk-riyadh-2025', texts: ['Kyiv sentiments'], found: [0, 4294967295], overlay: false };
    expect(parseToBackground(detect)).toEqual(detect);
    expect(parseToBackground({ ...detect, overlay: undefined })).toBeUndefined();
    expect(parseToBackground({ ...detect, slug: 'a/../../b' })).toBeUndefined();
    expect(parseToBackground({ ...detect, texts: 'Kyiv' })).toBeUndefined();
    expect(parseToBackground({ ...detect, texts: [1] })).toBeUndefined();
    expect(parseToBackground({ ...detect, texts: Array.from({ length: 1001 }, () => 'a') })).toBeUndefined();
    expect(parseToBackground({ ...detect, texts: ['a'.repeat(2 ** 20 + 1)] })).toBeUndefined();
    expect(parseToBackground({ ...detect, found: [-1] })).toBeUndefined();
    expect(parseToBackground({ ...detect, found: [2 ** 32] })).toBeUndefined();
    expect(parseToBackground({ ...detect, found: [0.5] })).toBeUndefined();
    expect(parseToBackground({ type: 'load-styles', files: ['../evil.css'] })).toEqual({ type: 'load-styles' });
    const anchor = { type: 'anchor', slug: 'musk-riyadh-2025', text: 'Lavrov met Rubio in Riyadh' };
    expect(parseToBackground(anchor)).toEqual(anchor);
    expect(parseToBackground({ ...anchor, slug: '../evil' })).toBeUndefined();
    expect(parseToBackground({ ...anchor, text: ['Lavrov'] })).toBeUndefined();
    expect(parseToBackground({ ...anchor, text: 'a'.repeat(2 ** 25 + 1) })).toBeUndefined();
    const near = { type: 'anchor', slug: 'musk-riyadh-2025', length: 1000, near: [[10, 'Kyiv'], [500, 'Riyadh talks']] };
    expect(parseToBackground(near)).toEqual(near);
    expect(parseToBackground({ ...near, near: [[500, 'Riyadh'], [10, 'Kyiv']] })).toBeUndefined();
    expect(parseToBackground({ ...near, near: [[10, 'Kyiv'], [12, 'Riyadh']] })).toBeUndefined();
    expect(parseToBackground({ ...near, near: [[996, 'Riyadh']] })).toBeUndefined();
    expect(parseToBackground({ ...near, near: [[-1, 'Kyiv']] })).toBeUndefined();
    expect(parseToBackground({ ...near, near: [[1, '']] })).toBeUndefined();
    expect(parseToBackground({ ...near, near: [[1, 2]] })).toBeUndefined();
    expect(parseToBackground({ ...near, length: 2 ** 30 + 1 })).toBeUndefined();
    expect(parseToBackground({ ...near, length: 2 ** 26, near: [[0, 'a'.repeat(2 ** 24)], [2 ** 25, 'a'.repeat(2 ** 24 + 1)]] })).toBeUndefined();
  });

  it('takes from an anchoring answer only places of known kinds inside the text it was asked about', () => {
    const place = { noteId: 'person/sergey-lavrov', kind: 'person', how: 'alias', start: 0, end: 6 };
    expect(parseAnchorAnswer({ places: [place] }, 26)).toEqual([place]);
    expect(parseAnchorAnswer({ places: [] }, 26)).toEqual([]);
    expect(parseAnchorAnswer(undefined, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, end: 27 }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, start: 6 }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, start: -1 }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, start: 0.5 }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, kind: 'opinion' }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, how: 'guess' }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: [{ ...place, noteId: 1 }] }, 26)).toBeUndefined();
    expect(parseAnchorAnswer({ places: Array.from({ length: MOST_PLACES + 1 }, () => place) }, 26)).toBeUndefined();
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        parseToContent(message);
        parseToBackground(message);
        parsePageStatus(message);
        parseAnchorAnswer(message, 100);
      }),
    );
  });
});
