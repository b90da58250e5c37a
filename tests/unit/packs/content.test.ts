// The notes as a whole: complete coverage, readable length, and anchoring in respelled copies.
import { describe, expect, it } from 'vitest';
import { article, notes } from 'virtual:backstory-annotations';
import { compileNotes, findMatches } from '../../../src/core/match.ts';
import { wordHashes } from '../../../src/core/tokenize.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

const PEOPLE = ['elon-musk', 'sergey-lavrov', 'yevgeny-popov', 'yury-ushakov', 'vladimir-putin', 'donald-trump', 'marco-rubio', 'mohammed-bin-salman', 'volodymyr-zelensky', 'joe-biden'];
const EVENTS = ['riyadh-talks', 'trump-putin-call', 'rubio-meets-mbs', 'starlink-ukraine', 'full-scale-invasion', 'world-war-iii-remark', 'zelensky-low-chance', 'saudi-mediation', 'us-sanctions', 'russia-non-western-ties', 'x-twitter', 'kremlin', 'global-south'];
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
    expect(notes.filter((note) => note.kind === 'claim')).toHaveLength(15);
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
