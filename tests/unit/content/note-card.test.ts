// @vitest-environment jsdom
// The popover's note card: citation markers become superscript links to the note's sources, built
// from DOM nodes (never HTML), with accessible names, and the text keeps every word.
import { afterAll, describe, expect, it } from 'vitest';
import { notes } from 'virtual:backstory-annotations';
import { renderNote, toggleDetails } from '../../../src/content/note-card.ts';
import { withoutMarkers } from '../../../src/model/citations.ts';
import type { Note } from '../../../src/model/note.ts';

const MESSAGES: Record<string, string> = { citationLabel: 'Source $1: $2', sources: 'Sources', asOf: 'As of $1', kindClaim: 'Claim', noteDetails: 'Details and sources ($1)' };
const scope = globalThis as unknown as { chrome?: unknown };

// Set before the cards below are rendered (at collection time).
scope.chrome = {
  i18n: {
    getMessage: (key: string, substitutions: string[] = []) => (MESSAGES[key] ?? '').replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? ''),
  },
};
afterAll(() => {
  delete scope.chrome;
});

const NOTE: Note = {
  id: 'claim/test',
  kind: 'claim',
  title: 'A <b>title</b>',
  summary: 'It began in 2014.[2]',
  body: 'Talks were held on 18 Feb 2025.[1,2] He said “<img src=x onerror=alert(1)>”.[3] Nothing else.',
  asOf: '2025-02-18',
  version: 1,
  updated: '2025-02-18',
  selectors: [{ type: 'TextQuoteSelector', exact: 'upcoming' }],
  sources: [
    { title: 'AP: talks in Riyadh', url: 'https://example.com/ap' },
    { title: 'Reuters: sanctions', url: 'https://example.com/reuters' },
    { title: 'Unsafe', url: 'javascript:alert(1)' },
  ],
};

describe('renderNote', () => {
  const card = renderNote(NOTE, { title: 'title-0', details: 'details-0' });
  const body = card.querySelector('.body');
  const summary = card.querySelector('.summary');

  it('keeps every word of the text, with the markers turned into superscripts', () => {
    expect(body?.textContent?.replace(/\s+/g, ' ')).toBe('Talks were held on 18 Feb 2025.1,2 He said “<img src=x onerror=alert(1)>”.3 Nothing else.');
    expect(summary?.textContent).toBe('It began in 2014.2');
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('b')).toBeNull();
    expect(body?.querySelectorAll('sup')).toHaveLength(2);
  });

  it('links each index to its source, with an accessible name, opening safely in a new tab', () => {
    const links = [...(body?.querySelectorAll<HTMLAnchorElement>('sup a') ?? [])];
    expect(links.map((link) => [link.textContent, link.getAttribute('aria-label'), link.href])).toEqual([
      ['1', 'Source 1: AP: talks in Riyadh', 'https://example.com/ap'],
      ['2', 'Source 2: Reuters: sanctions', 'https://example.com/reuters'],
    ]);
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
    expect(summary?.querySelector('a')?.getAttribute('aria-label')).toBe('Source 2: Reuters: sanctions');
  });

  it('shows an index whose source is not https as plain text, not a link', () => {
    const last = body?.querySelectorAll('sup')[1];
    expect(last?.textContent).toBe('3');
    expect(last?.querySelector('a')).toBeNull();
  });

  it('numbers the source list as the markers number it', () => {
    const items = [...card.querySelectorAll<HTMLLIElement>('ol.sources li')];
    expect(items.map((item) => [item.value, item.textContent])).toEqual([
      [1, 'AP: talks in Riyadh'],
      [2, 'Reuters: sanctions'],
    ]);
  });

  it('renders every bundled note with all its words and a working link for every marker', () => {
    for (const note of notes) {
      const rendered = renderNote(note, { title: 'title', details: 'details' });
      expect(withoutMarkers(note.body).split(/\s+/).every((word) => rendered.querySelector('.body')?.textContent?.includes(word.replace(/[.,;:]$/, ''))), note.id).toBe(true);
      expect(rendered.querySelector('.title')?.textContent, note.id).toBe(note.title);
      for (const link of rendered.querySelectorAll<HTMLAnchorElement>('sup a')) {
        expect(new URL(link.href).protocol, note.id).toBe('https:');
        expect(link.getAttribute('aria-label'), note.id).toMatch(/^Source \d+: ./);
      }
      const markers = [...`${note.summary} ${note.body}`.matchAll(/\[([\d,\s]+)\]/g)].flatMap((match) => match[1].split(','));
      expect(rendered.querySelectorAll('sup a'), note.id).toHaveLength(markers.length);
    }
  });

  it('shows kind, title, summary and date at once, and keeps the body and sources behind a disclosure', () => {
    const fresh = renderNote(NOTE, { title: 'title-1', details: 'details-1' });
    const details = fresh.querySelector<HTMLElement>('.details');
    const button = fresh.querySelector<HTMLButtonElement>('button.more');
    expect([...fresh.children].map((child) => child.className)).toEqual(['kind', 'title', 'summary', 'as-of', 'more', 'details']);
    expect(details?.hidden).toBe(true);
    expect(details?.contains(fresh.querySelector('.body'))).toBe(true);
    expect(details?.contains(fresh.querySelector('ol.sources'))).toBe(true);
    // Outside checks read the whole note from the DOM while it is collapsed.
    expect(fresh.textContent).toContain('Nothing else.');
    expect(button?.textContent).toBe('Details and sources (2)');
    expect(button?.getAttribute('aria-controls')).toBe('details-1');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(toggleDetails(button as HTMLElement)).toBe(true);
    expect([details?.hidden, button?.getAttribute('aria-expanded')]).toEqual([false, 'true']);
    expect(toggleDetails(button as HTMLElement)).toBe(false);
    expect([details?.hidden, button?.getAttribute('aria-expanded')]).toEqual([true, 'false']);
  });
});
