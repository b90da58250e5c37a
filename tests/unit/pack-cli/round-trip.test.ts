// export → import gives back the same notes, in a function and through the command line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, readPackFiles } from '../../../build/packs.ts';
import { exportPack } from '../../../scripts/pack/export.ts';
import { importInto } from '../../../scripts/pack/import.ts';
import { editPack, noteOf, readFile, REAL_DIR, REAL_PACK, run, tempRoot } from './support.ts';

const pack = loadPack(REAL_DIR);
const exported = JSON.parse(JSON.stringify(exportPack(pack)));

describe('export → import', () => {
  it('gives back every note exactly, replacing all notes', () => {
    const result = importInto(readPackFiles(REAL_DIR), exported, { replace: true });
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.introduced).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.file.notes).toEqual(pack.file.notes);
    expect(JSON.stringify(result.file.notes)).toBe(JSON.stringify(pack.file.notes));
    expect(result.file.article).toEqual(pack.file.article);
    expect(result.file.pack).toBe(REAL_PACK);
  });

  it('keeps the sources’ kind and outlet, the citation markers and the provenance note', () => {
    const notes = importInto(readPackFiles(REAL_DIR), exported, { replace: true }).file.notes;
    const kinds = (list: typeof notes) => list.flatMap((note) => note.sources.filter((source) => source.kind).map((source) => `${note.id} ${source.kind} ${source.outlet}`));
    expect(kinds(notes)).toEqual(kinds(pack.file.notes));
    expect(kinds(notes).length).toBeGreaterThan(0);
    expect(notes.map((note) => `${note.summary}\n${note.body}`)).toEqual(pack.file.notes.map((note) => `${note.summary}\n${note.body}`));
  });

  it('carries each note’s version as backstory:version and its updated date as modified, and reads them back', () => {
    for (const [i, annotation] of exported.first.items.entries()) {
      const note = pack.file.notes[i];
      expect(annotation.modified, note.id).toBe(`${note.updated}T00:00:00Z`);
      expect(annotation['backstory:version'], note.id).toBe(note.version);
      expect(annotation['backstory:changeNote'], note.id).toBe(note.changeNote);
    }
    const notes = importInto(readPackFiles(REAL_DIR), exported, { replace: true }).file.notes;
    expect(notes.map(({ id, version, updated, changeNote }) => ({ id, version, updated, changeNote }))).toEqual(
      pack.file.notes.map(({ id, version, updated, changeNote }) => ({ id, version, updated, changeNote })),
    );
  });

  it('keeps a withdrawn note withdrawn, with its date and reason', () => {
    const root = tempRoot();
    editPack(root, (data) => Object.assign(noteOf(data, 'event/kremlin'), { version: 2, updated: '2026-12-07', withdrawn: { on: '2026-12-07', reason: 'Replaced by a note on the Russian presidency.' } }));
    const copy = loadPack(join(root, REAL_PACK));
    const annotation = exportPack(copy).first.items.find((item) => item.id.endsWith(':event/kremlin'));
    expect(annotation?.['backstory:withdrawn']).toEqual({ on: '2026-12-07', reason: 'Replaced by a note on the Russian presidency.' });
    const back = importInto(readPackFiles(join(root, REAL_PACK)), JSON.parse(JSON.stringify(exportPack(copy))), { replace: true });
    expect(back.introduced).toEqual([]);
    expect(back.file.notes).toEqual(copy.file.notes);
  });

  it('reads another tool’s annotation as version 1 of its modified day', () => {
    const foreign = structuredClone(exported.first.items.find((item: { id: string }) => item.id.endsWith(':event/kremlin')));
    delete foreign['backstory:version'];
    foreign.modified = '2025-03-01T12:00:00Z';
    const [note] = importInto(readPackFiles(REAL_DIR), foreign, { replace: true }).file.notes;
    expect(note).toMatchObject({ id: 'event/kremlin', version: 1, updated: '2025-03-01' });
  });

  it('numbers the sources by backstory:citation, whatever order a JSON-LD tool leaves the link bodies in', () => {
    const shuffled = structuredClone(exported);
    for (const annotation of shuffled.first.items) {
      const [text, ...links] = annotation.body;
      annotation.body = [...links.reverse(), text];
    }
    const result = importInto(readPackFiles(REAL_DIR), shuffled, { replace: true });
    expect(result.introduced).toEqual([]);
    expect(result.file.notes).toEqual(pack.file.notes);
  });

  it('writes back the same annotations.json, byte for byte, through the CLI', () => {
    const root = tempRoot();
    const file = join(root, 'export.json');
    writeFileSync(file, run('export', REAL_PACK).out);
    expect(run('import', file, '--root', root, '--replace').status).toBe(0);
    expect(readFileSync(join(root, REAL_PACK, 'annotations.json'), 'utf8')).toBe(readFileSync(join(REAL_DIR, 'annotations.json'), 'utf8'));
  });

  it('through the CLI into a copy of the pack whose notes were all removed', () => {
    const root = tempRoot();
    const file = join(root, 'export.json');
    writeFileSync(file, run('export', REAL_PACK).out);
    editPack(root, (data) => void (data.notes = [noteOf(data, 'event/kremlin')]));
    const { status, err } = run('import', file, '--root', root, '--replace');
    expect(err).toContain(`Anchored ${pack.file.notes.length} annotations`);
    expect(status).toBe(0);
    const written = readFile(join(root, REAL_PACK));
    expect(written.version).toBe(1);
    expect(written.notes).toEqual(pack.file.notes);
  });

  it('merges by note id: a note edited since the export comes back as exported, a note added since is kept', () => {
    const root = tempRoot();
    const file = join(root, 'export.json');
    writeFileSync(file, JSON.stringify(exported));
    const added = { ...noteOf(pack.file, 'claim/upcoming-talks'), id: 'claim/upcoming-election-talks', selectors: [{ type: 'TextQuoteSelector' as const, exact: 'the upcoming election' }] };
    editPack(root, (data) => {
      noteOf(data, 'person/elon-musk').summary = 'Edited since the export.';
      data.notes.push(added);
    });
    const { status, err } = run('import', file, '--root', root);
    expect(err).toContain(`0 new notes, ${pack.file.notes.length} replacing the note with the same id`);
    expect(status).toBe(0);
    expect(readFile(join(root, REAL_PACK)).notes).toEqual([...pack.file.notes, added]);
  });

  it('writes nothing when the merged notes would break the pack', () => {
    const root = tempRoot();
    const file = join(root, 'export.json');
    writeFileSync(file, JSON.stringify(exported));
    editPack(root, (data) => void (noteOf(data, 'person/elon-musk').id = 'person/musk'));
    const before = readFile(join(root, REAL_PACK));
    const { status, err } = run('import', file, '--root', root);
    expect(status).toBe(1);
    expect(err).toContain('The import would bring these problems into the pack, so nothing was written:');
    expect(err).toContain('note "person/elon-musk": alias "Elon Musk" is also an alias of "person/musk"');
    expect(readFile(join(root, REAL_PACK))).toEqual(before);
  });

  it('fills a new pack scaffolded from the same article, with the collection’s title and address, leaving the rest of its metadata to do', () => {
    const root = tempRoot();
    const file = join(root, 'export.json');
    writeFileSync(file, JSON.stringify(exported));
    expect(run('new', 'copy', '--article', join(REAL_DIR, 'article.txt'), '--root', root).status).toBe(0);
    const { status, err } = run('import', file, '--root', root, '--pack', 'copy');
    expect(status, err).toBe(0);
    expect(err).toContain(`took the title "${pack.file.article.title}" and the address ${pack.file.article.url} from the file`);
    expect(err).toContain('The pack still has 4 problems it had before the import');
    const written = readFile(join(root, 'copy'));
    expect(written.article.title).toBe(pack.file.article.title);
    expect(written.article.url).toBe(pack.file.article.url);
    expect(written.notes).toEqual(pack.file.notes);
    expect(written.pack).toBe('copy');
    expect(written.article.provenanceNote).toBe(pack.file.article.provenanceNote);
  });

  it('finds the pack from the collection id, and --dry-run prints instead of writing', () => {
    const root = tempRoot();
    const file = join(root, 'export.json');
    writeFileSync(file, JSON.stringify(exported));
    const before = readFile(join(root, REAL_PACK));
    const { status, out } = run('import', file, '--root', root, '--dry-run');
    expect(status).toBe(0);
    expect(JSON.parse(out).notes).toEqual(pack.file.notes);
    expect(readFile(join(root, REAL_PACK))).toEqual(before);
  });
});
