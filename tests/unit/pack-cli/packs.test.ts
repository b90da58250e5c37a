// loadPack / loadPacks: the format version, and problems that name the pack, the entry and the field.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationError } from '../../../build/validate.ts';
import { loadPack, loadPacks, PackError } from '../../../build/packs.ts';
import { editPack, noteOf, REAL_PACK, tempRoot } from './support.ts';

function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof PackError) return error.problems;
    throw error;
  }
}

describe('loadPack', () => {
  it('loads the real pack', () => {
    const pack = loadPack(join('packs', REAL_PACK));
    expect(pack.slug).toBe(REAL_PACK);
    expect(pack.file.notes).toHaveLength(49);
    expect(pack.articleText.split('\n')[0]).toMatch(/^Billionaire entrepreneur/);
  });

  it('reads a file without "version" as version 1, accepts version 1 and refuses other versions', () => {
    const root = tempRoot();
    editPack(root, (file) => void delete file.version);
    expect(loadPack(join(root, REAL_PACK)).file.notes).toHaveLength(49);
    editPack(root, (file) => void (file.version = 1));
    expect(loadPack(join(root, REAL_PACK)).file.notes).toHaveLength(49);
    editPack(root, (file) => void (file.version = 2));
    expect(problemsOf(() => loadPack(join(root, REAL_PACK)))).toEqual([`pack "${REAL_PACK}": version: 2 is not a format this Backstory reads (it reads version 1)`]);
  });

  it('names the pack, the note and the field of every problem, as an AnnotationError', () => {
    const root = tempRoot();
    editPack(root, (file) => {
      noteOf(file, 'person/elon-musk').aliases?.push('Elon Reeve Musk');
      Reflect.deleteProperty(noteOf(file, 'event/kremlin'), 'summary');
    });
    let thrown: unknown;
    try {
      loadPack(join(root, REAL_PACK));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AnnotationError);
    expect((thrown as PackError).problems).toEqual([
      `pack "${REAL_PACK}": note "person/elon-musk": alias "Elon Reeve Musk" does not occur in the article (other spellings go in variants)`,
      `pack "${REAL_PACK}": note "event/kremlin": summary is missing or empty`,
    ]);
    expect((thrown as Error).message).toContain(`Invalid pack "${REAL_PACK}"`);
  });

  it('reports a misspelt field with the note it is in', () => {
    const root = tempRoot();
    editPack(root, (file) => void ((noteOf(file, 'event/kremlin') as unknown as Record<string, unknown>).alias = ['Kremlin']));
    expect(problemsOf(() => loadPack(join(root, REAL_PACK)))).toEqual([`pack "${REAL_PACK}": note "event/kremlin": field "alias" is not part of this format`]);
  });

  it('reports a "pack" field that is not the folder’s name (a copied pack)', () => {
    const root = tempRoot();
    editPack(root, (file) => void (file.pack = 'other-pack'));
    expect(problemsOf(() => loadPack(join(root, REAL_PACK)))).toEqual([`pack "${REAL_PACK}": pack: "other-pack" is not the name of the pack's folder, "${REAL_PACK}"`]);
  });

  it('reports missing files, bad JSON and a missing folder', () => {
    const root = tempRoot();
    writeFileSync(join(root, REAL_PACK, 'annotations.json'), '{ "article": ');
    expect(problemsOf(() => loadPack(join(root, REAL_PACK)))[0]).toMatch(/^pack "musk-riyadh-2025": annotations.json is not valid JSON/);
    expect(problemsOf(() => loadPack(join(root, 'absent')))).toEqual([`pack "absent": there is no folder ${join(root, 'absent')}`]);
  });
});

describe('loadPacks', () => {
  it('loads every pack under packs/', () => {
    expect(loadPacks().map((pack) => pack.slug)).toContain(REAL_PACK);
  });

  it('loads only the named packs, and names the ones that do not exist', () => {
    const root = tempRoot();
    expect(loadPacks(root, [REAL_PACK])).toHaveLength(1);
    expect(problemsOf(() => loadPacks(root, ['nope']))).toEqual([`pack "nope": there is no folder ${join(root, 'nope')}`]);
  });

  it('collects the problems of every bad pack', () => {
    const root = tempRoot();
    editPack(root, (file) => void (file.article.published = 'soon'));
    expect(problemsOf(() => loadPacks(root))).toEqual([`pack "${REAL_PACK}": article: published must be an ISO date`]);
  });
});
