// A Hypothesis API export is read into notes, re-anchored in the article by words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFiles } from '../../../build/packs.ts';
import { importInto } from '../../../scripts/pack/import.ts';
import { readFile, REAL_DIR, REAL_PACK, run, tempRoot } from './support.ts';

const URI = 'https://weeklyblitz.net/2025/02/19/elon-musk-commends-us-russia-talks-as-leadership-milestone/';

/** A row as the Hypothesis search API returns it: prefix and suffix cut mid-word, positions in its own page. */
function row(id: string, text: string, tags: string[], exact: string, prefix: string, suffix: string) {
  return {
    id,
    created: '2025-03-01T10:00:00.000000+00:00',
    updated: '2025-03-02T11:00:00.000000+00:00',
    user: 'acct:checker@hypothes.is',
    uri: URI,
    text,
    tags,
    links: { html: `https://hypothes.is/a/${id}` },
    target: [
      {
        source: URI,
        selector: [
          { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 10, endContainer: '/div[1]/p[3]', endOffset: 40 },
          { type: 'TextPositionSelector', start: 4021, end: 4051 },
          { type: 'TextQuoteSelector', exact, prefix, suffix },
        ],
      },
    ],
  };
}

const EXPORT = {
  total: 4,
  rows: [
    row('h1', 'Starlink terminals\n\nMost of the terminals were paid for by governments.\n\nIn 2022 most were paid for by the US and Poland.[1] See [Reuters](https://www.reuters.com/example) for the contracts.', ['claim'], 'provided 20,000 Starlink', 'k, who in 2022 ', ' internet termin'),
    row('h2', 'Trump said this during the 2024 campaign.[1] http://example.org/not-https-so-not-a-source', ['Event', 'campaign'], 'should he win the upcoming election', 'e conflict quickly ', '. His stance'),
    row('h3', 'A typo in the quote.', [], 'Musk voiced his suport', '', ''),
    { id: 'h4', text: 'A page note.', tags: [], uri: URI, target: [{ source: URI }] },
  ],
};

describe('Hypothesis import', () => {
  const result = importInto(readPackFiles(REAL_DIR), EXPORT, { today: '2025-04-01' });

  it('anchors quotes whose prefix and suffix were cut mid-word, keeping the Hypothesis quote', () => {
    const [starlink, election] = result.notes;
    expect(result.format).toBe('hypothesis');
    expect(starlink).toEqual({
      id: 'claim/starlink-terminals',
      kind: 'claim',
      title: 'Starlink terminals',
      summary: 'Most of the terminals were paid for by governments.',
      body: 'In 2022 most were paid for by the US and Poland.[1] See [Reuters](https://www.reuters.com/example) for the contracts.',
      asOf: '2025-03-02',
      version: 1,
      updated: '2025-03-02',
      selectors: [{ type: 'TextQuoteSelector', exact: 'provided 20,000 Starlink' }],
      sources: [{ title: 'Reuters', url: 'https://www.reuters.com/example' }],
    });
    expect(election).toMatchObject({
      id: 'event/should-he-win-the-upcoming-election',
      kind: 'event',
      title: 'should he win the upcoming election',
      summary: 'Trump said this during the 2024 campaign.[1]',
      sources: [{ title: 'Hypothesis annotation by checker@hypothes.is', url: 'https://hypothes.is/a/h2' }],
    });
  });

  it('reports what does not anchor, with the nearest text, and page notes', () => {
    expect(result.failures).toEqual([
      expect.objectContaining({
        label: 'Hypothesis annotation h3',
        target: 1,
        quote: 'Musk voiced his suport',
        reason: 'the quote "Musk voiced his suport" does not occur in the article',
        nearest: expect.objectContaining({ text: 'Musk has voiced his support', line: 1, missing: ['suport'] }),
      }),
      expect.objectContaining({ label: 'Hypothesis annotation h4', reason: 'it is a page note, not attached to a passage of the article' }),
    ]);
  });

  it('is merged into the pack found from the article address, with a report', () => {
    const root = tempRoot();
    const file = join(root, 'hypothesis.json');
    writeFileSync(file, JSON.stringify(EXPORT));
    const { status, err } = run('import', file, '--root', root);
    expect(err).toContain(`into pack "${REAL_PACK}"`);
    expect(err).toContain('Anchored 2 annotations: 2 new notes, 0 replacing the note with the same id.');
    expect(err).toContain('• Hypothesis annotation h3, target 1: the quote "Musk voiced his suport" does not occur in the article');
    expect(err).toContain('Nearest text in the article (line 1 of article.txt): "Musk has voiced his support"');
    expect(err).toContain('Words not found as written there: "suport"');
    expect(status).toBe(1);
    const notes = readFile(join(root, REAL_PACK)).notes;
    expect(notes).toHaveLength(51);
    expect(notes.slice(-2).map((note) => note.id)).toEqual(['claim/starlink-terminals', 'event/should-he-win-the-upcoming-election']);
  });

  it('writes nothing when a note states a figure without citing a source, and says how to cite', () => {
    const root = tempRoot();
    const file = join(root, 'hypothesis.json');
    const uncited = row('h5', 'Starlink terminals\n\nMost were paid for by governments.\n\nIn 2022 most were paid for by the US and Poland. See [Reuters](https://www.reuters.com/example).', ['claim'], 'provided 20,000 Starlink', '', '');
    writeFileSync(file, JSON.stringify({ rows: [uncited] }));
    const before = readFile(join(root, REAL_PACK));
    const { status, err } = run('import', file, '--root', root);
    expect(status).toBe(1);
    expect(err).toContain('The import would bring these problems into the pack, so nothing was written:');
    expect(err).toContain('note "claim/starlink-terminals": body sentence 1 "In 2022 most were paid for by the US and Poland." states a year ("2022") but cites no source (add [n])');
    expect(err).toContain('note "claim/starlink-terminals": source 1 is never cited');
    expect(readFile(join(root, REAL_PACK))).toEqual(before);
  });
});
