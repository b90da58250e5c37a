// The counts the docs state (how many packs the build carries, each pack's notes by kind) are the
// counts of the pack files, so a note added or removed without the docs fails here. Nothing is
// hard-coded: the expected figures are read from packs/*/annotations.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** Docs that describe the build as it is (docs/notes-review.md records past editions, so not it). */
const DOCS = ['README.md', 'docs/packs.md', 'docs/architecture.md'];

interface PackCounts {
  notes: number;
  person: number;
  event: number;
  claim: number;
}

const titles = new Map<string, string>();

function packCounts(): Map<string, PackCounts> {
  const counts = new Map<string, PackCounts>();
  for (const slug of readdirSync(join(ROOT, 'packs')).sort()) {
    const file = JSON.parse(readFileSync(join(ROOT, 'packs', slug, 'annotations.json'), 'utf8')) as { article: { title: string }; notes: { kind: string }[] };
    const of = (kind: string) => file.notes.filter((note) => note.kind === kind).length;
    counts.set(slug, { notes: file.notes.length, person: of('person'), event: of('event'), claim: of('claim') });
    titles.set(file.article.title, slug);
  }
  return counts;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const numberOf = (text: string) => (/^\d+$/.test(text) ? Number(text) : WORDS.indexOf(text.toLowerCase()));

const packs = packCounts();
const docs = DOCS.map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

/** "- `slug`: … 42 notes (10 people, 17 events and things, 15 claims)." in a list of packs. */
const PACK_LINE = /^- `([a-z0-9-]+)`:([\s\S]*?)(\d+) notes \((\d+) (?:people|persons?), (\d+) events?(?: and things)?, (\d+) claims?\)/gm;

describe('the counts stated in the docs', () => {
  it('finds a statement to check (the README lists the packs it carries)', () => {
    const readme = docs.find((doc) => doc.path === 'README.md')?.text ?? '';
    expect(readme).toMatch(/carries \w+ packs?/);
    expect([...readme.matchAll(PACK_LINE)].length).toBeGreaterThan(0);
  });

  it.each(docs)('$path: "carries N packs" is the number of pack folders', ({ text }) => {
    for (const match of text.matchAll(/carries (\d+|one|two|three|four|five|six|seven|eight|nine|ten) packs?\b/gi)) expect(numberOf(match[1]), match[0]).toBe(packs.size);
  });

  it.each(docs)('$path: each listed pack has the notes it says, by kind, and a list of packs names every pack', ({ text }) => {
    const listed = [...text.matchAll(PACK_LINE)];
    for (const [line, slug, , notes, person, event, claim] of listed) {
      const actual = packs.get(slug);
      expect(actual, `${line}: there is no pack "${slug}"`).toBeDefined();
      expect({ notes: Number(notes), person: Number(person), event: Number(event), claim: Number(claim) }, line).toEqual(actual);
    }
    if (listed.length > 0) expect(listed.map((match) => match[1]).sort()).toEqual([...packs.keys()]);
  });

  it.each(docs)('$path: every other "N notes" is the total or one pack’s count', ({ text }) => {
    const total = [...packs.values()].reduce((sum, counts) => sum + counts.notes, 0);
    const allowed = new Set([total, ...[...packs.values()].map((counts) => counts.notes)]);
    for (const match of text.matchAll(/\b(\d+) notes\b/g)) expect(allowed, `"${match[0]}" in the docs; the packs have ${[...allowed].join(' or ')}`).toContain(Number(match[1]));
  });
});

describe('the screenshots in docs/', () => {
  it('show the popup with the number of notes its pack has (docs/screenshots.json, written by npm run screenshots)', () => {
    const shot = JSON.parse(readFileSync(join(ROOT, 'docs/screenshots.json'), 'utf8')) as { popupNotes: number; popupArticleTitle: string };
    const slug = titles.get(shot.popupArticleTitle);
    expect(slug, `the screenshots show "${shot.popupArticleTitle}", which no pack's article.title is: run npm run screenshots`).toBeDefined();
    const notes = packs.get(slug ?? '')?.notes;
    expect(shot.popupNotes, `docs/popup-*.png say ${shot.popupNotes} notes, pack "${slug}" has ${notes}: run npm run screenshots`).toBe(notes);
  });
});
