// `pack new` and `pack check`: messages a fact-checker can act on, on broken packs in temp folders.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromPlainText } from '../../../scripts/pack/scaffold.ts';
import { editPack, noteOf, readFile, REAL_PACK, run, tempRoot } from './support.ts';

describe('pack check', () => {
  it('passes the real pack', () => {
    const { status, out } = run('check');
    expect(status).toBe(0);
    expect(out).toContain(`✓ ${REAL_PACK}: 49 notes (10 person, 21 event, 18 claim)`);
  });

  it('explains a misspelt quote: which note, which quote, the nearest text and the words that differ', () => {
    const root = tempRoot();
    editPack(root, (file) => {
      noteOf(file, 'claim/returns-to-office').selectors = [{ type: 'TextQuoteSelector', exact: 'if he return to the office in 2025' }];
    });
    const { status, err } = run('check', '--root', root);
    expect(status).toBe(1);
    expect(err).toContain(`✗ ${REAL_PACK}: 1 problem`);
    expect(err).toContain('Note "claim/returns-to-office" (“If he returns to office in 2025”):');
    expect(err).toContain('• selector 1: exact "if he return to the office in 2025" does not occur in the article');
    expect(err).toContain('Nearest text in the article (line 4 of article.txt): "if he returns to office in 2025"');
    expect(err).toContain('Words not found as written there: "return", "the"');
  });

  it('explains a quote that occurs, but not with its prefix, and one that occurs too often', () => {
    const root = tempRoot();
    editPack(root, (file) => {
      const journalist = noteOf(file, 'claim/russian-journalist').selectors?.[0];
      if (journalist) journalist.prefix = 'shared a clip from ';
      noteOf(file, 'claim/upcoming-election').selectors = [{ type: 'TextQuoteSelector', exact: 'the Biden administration' }];
    });
    const { err } = run('check', REAL_PACK, '--root', root);
    expect(err).toContain('The quote itself occurs (line 2), but not with these words before ("prefix") or after ("suffix") it.');
    expect(err).toContain('Nearest text in the article (line 2 of article.txt): "shared a video clip from Russian journalist Yevgeny Popov"');
    expect(err).toContain('• selector 1: prefix + exact + suffix for "the Biden administration" occurs 5 times; make it unique');
    expect(err).toContain('It occurs on line 4, 5, 8, 13, 14 of article.txt. Add a few words from just before it as "prefix"');
  });

  it('explains a name that is not in the article and a misspelt field', () => {
    const root = tempRoot();
    editPack(root, (file) => {
      noteOf(file, 'person/elon-musk').aliases?.push('Elon R. Musk');
      (noteOf(file, 'event/kremlin') as unknown as Record<string, unknown>).alias = ['Kremlin'];
    });
    const { err } = run('check', '--root', root);
    expect(err).toContain('Note "person/elon-musk" (Elon Musk):\n    • alias "Elon R. Musk" does not occur in the article (other spellings go in variants)');
    expect(err).toContain('Nearest text in the article (line 1 of article.txt): "Elon Musk"');
    expect(err).toContain('Names in "aliases" must appear in the article as written; other spellings go in "variants".');
    expect(err).toContain('Note "event/kremlin" (The Kremlin):\n    • field "alias" is not part of this format');
  });

  it('says when no word of a quote is in the article', () => {
    const root = tempRoot();
    editPack(root, (file) => void (noteOf(file, 'claim/upcoming-talks').selectors = [{ type: 'TextQuoteSelector', exact: 'Zyxxy quorbl' }]));
    expect(run('check', '--root', root).err).toContain('No word of it occurs anywhere in the article: is this the right pack?');
  });

  it('explains a long summary, a missing updated date and a new version without a change note', () => {
    const root = tempRoot();
    editPack(root, (file) => {
      const musk = noteOf(file, 'person/elon-musk') as unknown as Record<string, unknown>;
      musk.summary = `${'A long summary. '.repeat(13)}`.trim();
      delete musk.updated;
      musk.version = 2;
    });
    const { status, err } = run('check', '--root', root);
    expect(status).toBe(1);
    for (const line of [
      '• summary is 207 characters long; the card shows at most 200 (markers included): shorten it',
      'The card shows the summary first, read at a glance',
      '• updated is missing (the ISO date of this version, YYYY-MM-DD)',
      'updated: the day this version of the note was written',
      '• version 2 needs a changeNote saying what changed (one line, at most 160 characters)',
      'changeNote: one line of at most 160 characters telling readers what changed',
    ]) {
      expect(err).toContain(line);
    }
  });

  it('names a pack that does not exist', () => {
    expect(run('check', 'nope').err).toContain(`there is no pack "nope" in packs/.\nThe packs are: ${REAL_PACK}`);
  });
});

describe('pack new', () => {
  it('keeps one paragraph a line, joining lines wrapped inside blank-line separated paragraphs', () => {
    expect(articleFromPlainText('\ufeffFirst  para\r\ngoes on.\r\n\r\n  Second.\n\n\n')).toBe('First para goes on.\nSecond.\n');
    expect(articleFromPlainText('One.\nTwo.\n')).toBe('One.\nTwo.\n');
  });

  it('scaffolds a pack whose check lists the metadata and notes still to write', () => {
    const root = tempRoot();
    const article = join(root, 'article.txt');
    writeFileSync(article, 'Paragraph one of a new article.\n\nParagraph two,\nwrapped.\n');
    const created = run('new', 'new-article', '--article', article, '--root', root);
    expect(created.status).toBe(0);
    expect(created.out).toContain(`Created ${join(root, 'new-article')}/`);
    expect(readFileSync(join(root, 'new-article', 'article.txt'), 'utf8')).toBe('Paragraph one of a new article.\nParagraph two, wrapped.\n');
    expect(readFile(join(root, 'new-article'))).toMatchObject({ version: 1, notes: [] });
    const { status, err } = run('check', 'new-article', '--root', root);
    expect(status).toBe(1);
    for (const line of [
      '• article: title is missing or empty',
      'title: the headline as the publisher printed it.',
      '• article: published must be an ISO date',
      'published: the day the article came out, written year-month-day, e.g. 2025-02-19.',
      '• article: url is missing',
      '• article: needs at least one source',
      '• notes: the list is missing or empty',
      'Add at least one note: copy the note template from docs/packs.md into "notes".',
    ]) {
      expect(err).toContain(line);
    }
  });

  it('refuses a bad name and an existing pack', () => {
    const root = tempRoot();
    expect(run('new', 'Bad Name', '--article', 'packs/musk-riyadh-2025/article.txt', '--root', root).err).toContain('cannot be a pack name');
    expect(run('new', REAL_PACK, '--article', 'packs/musk-riyadh-2025/article.txt', '--root', root).err).toContain('already exists');
  });
});
