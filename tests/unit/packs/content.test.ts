// The notes as a whole: complete coverage, readable length, and anchoring in respelled copies.
import { describe, expect, it } from 'vitest';
import { article, notes } from 'virtual:backstory-annotations';
import { compileNotes, findMatches } from '../../../src/core/match.ts';
import { wordHashes } from '../../../src/core/tokenize.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

const PEOPLE = ['elon-musk', 'sergey-lavrov', 'yevgeny-popov', 'yury-ushakov', 'vladimir-putin', 'donald-trump', 'marco-rubio', 'mohammed-bin-salman', 'volodymyr-zelensky', 'joe-biden'];
const EVENTS = ['riyadh-talks', 'trump-putin-call', 'rubio-meets-mbs', 'starlink-ukraine', 'full-scale-invasion', 'world-war-iii-remark', 'saudi-mediation', 'us-sanctions', 'russia-non-western-ties', 'x-twitter', 'kremlin', 'global-south', 'us-aid-scale', 'week-before-riyadh', 'european-reaction', 'zelensky-munich', 'western-aid-early-2025', 'musk-escalation-record'];
/** FACTS.md §4: each factual problem and the claim note that answers it (F6 is answered with F4). */
const FACT_SHEET_PROBLEMS: Record<string, string> = {
  F1: 'current-administration',
  F2: 'returns-to-office',
  F3: 'upcoming-election',
  F4: 'biden-administration-test',
  F5: 'election-dynamics',
  F6: 'biden-administration-test',
  F7: 'call-undisclosed',
  F8: 'chances-of-victory',
  F9: 'starlink-provided',
  F10: 'avoided-direct-talks',
  F11: 'first-since-2022',
  F12: 'russian-journalist',
  F13: 'putin-failed-quote',
  F14: 'political-influencer',
  F15: 'upcoming-talks',
};
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function anchoredIds(text: string): Set<string> {
  const hashes = wordHashes(text);
  return new Set(findMatches(hashes, new Uint8Array(hashes.length).fill(1), compileNotes(notes)).map((match) => match.noteId));
}

describe('the notes', () => {
  it('cover every person and event named in the article', () => {
    const ids = notes.map((note) => note.id);
    for (const slug of PEOPLE) expect(ids).toContain(`person/${slug}`);
    for (const slug of EVENTS) expect(ids).toContain(`event/${slug}`);
  });

  it('give a context note for each of the fact sheet’s fifteen factual problems', () => {
    const claims = new Set(notes.filter((note) => note.kind === 'claim').map((note) => note.id));
    for (const [problem, slug] of Object.entries(FACT_SHEET_PROBLEMS)) expect(claims, problem).toContain(`claim/${slug}`);
  });

  it('tell the same provenance story in the popup and in a note the page highlights', () => {
    const provenance = notes.find((note) => note.id === article.provenanceNote);
    expect(provenance?.selectors?.length).toBeGreaterThan(0);
    const plain = (text: string) => text.replace(/\[[\d,\s]+\]/g, '');
    for (const text of [article.about, plain(`${provenance?.summary} ${provenance?.body}`)]) {
      expect(text).toMatch(/19 Feb 2025/);
      expect(text).toMatch(/18 Feb 2025/);
      expect(text).toMatch(/a day (before|after|earlier)/);
      expect(text).toMatch(/RT/);
      expect(text).toMatch(/upcoming/);
    }
    expect(plain(provenance?.summary ?? '')).toMatch(/Weekly Blitz/);
    expect(article.about).toMatch(/Weekly Blitz/);
  });

  it('are short enough for a popover: a one-line summary and a 40–90 word body', () => {
    for (const note of notes) {
      expect.soft(words(note.body), note.id).toBeGreaterThanOrEqual(40);
      expect.soft(words(note.body), note.id).toBeLessThanOrEqual(90);
      expect.soft(words(note.summary), note.id).toBeLessThanOrEqual(25);
    }
  });

  it('are all stated as of the article’s date', () => {
    expect(new Set(notes.map((note) => note.asOf))).toEqual(new Set(['2025-02-18']));
  });

  it('name the article’s publisher, date and address', () => {
    expect(article).toMatchObject({ publisher: expect.stringContaining('Weekly Blitz'), published: '2025-02-19' });
    expect(new URL(article.url).protocol).toBe('https:');
  });

  it('still anchor every person in a copy that respells the names', () => {
    const respelled = ARTICLE_TEXT.replace(/Zelensky/g, 'Zelenskyy').replace(/Sergey/g, 'Sergei').replace(/Yury/g, 'Yuri').replace(/Mohammed/g, 'Muhammad');
    const ids = anchoredIds(respelled);
    for (const slug of PEOPLE) expect(ids).toContain(`person/${slug}`);
  });

  it('never render links other than https', () => {
    for (const note of notes) for (const source of note.sources) expect(new URL(source.url).protocol, note.id).toBe('https:');
  });
});
