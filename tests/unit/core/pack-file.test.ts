// Pack files (core/pack-file.ts): what `npm run pack -- bundle` writes is read back whole, its
// signature holds only for the exact bytes signed, and a malformed or hostile file is refused with
// a clear message, in the build's own words where the build has them.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../build/annotation-plugin.ts';
import { packNotesData } from '../../../src/core/notes-codec.ts';
import { bundlePack, generateSigningKey } from '../../../scripts/pack/bundle.ts';
import { encodeHashes } from '../../../src/core/base64.ts';
import { jsonDepth, MAX_JSON_DEPTH, MAX_PACK_FILE_BYTES, PackFileError, readPackFile, type PackFileJson, type PackPayload } from '../../../src/core/pack-file.ts';
import { sampledFingerprint, sampledFingerprintOfWords } from '../../../src/core/shingles.ts';
import { wordHashes } from '../../../src/core/tokenize.ts';
import type { Note } from '../../../src/model/note.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';
import { problemsOf } from '../../support/validation.ts';

const DIR = join('packs', 'musk-riyadh-2025');
const bytes = (text: string) => new TextEncoder().encode(text);

let key: ReturnType<typeof generateSigningKey>;
let signed: string;
let unsigned: string;

beforeAll(() => {
  key = generateSigningKey();
  signed = bundlePack(DIR, { now: new Date('2026-12-07T00:00:00Z'), privateKeyPem: key.pem });
  unsigned = bundlePack(DIR, { now: new Date('2026-12-07T00:00:00Z') });
});

/** The unsigned file with its payload changed by `edit`. */
function withPayload(edit: (payload: PackPayload & Record<string, unknown>) => void): string {
  const file = JSON.parse(unsigned) as PackFileJson;
  const payload = JSON.parse(file.payload);
  edit(payload);
  return JSON.stringify({ ...file, payload: JSON.stringify(payload) });
}

async function problemsOfFile(file: string | Uint8Array): Promise<string[]> {
  try {
    await readPackFile(typeof file === 'string' ? bytes(file) : file);
    return [];
  } catch (error) {
    if (error instanceof PackFileError) return error.problems;
    throw error;
  }
}

const editNote = (id: string, change: (note: Note) => void) =>
  withPayload((payload) => {
    const note = payload.annotations.notes.find((candidate) => candidate.id === id);
    if (!note) throw new Error(`no note ${id}`);
    change(note);
  });

describe('a pack file', () => {
  it('reads back what the build makes of the pack: notes, markers and fingerprint, with the signer’s key', async () => {
    const built = buildPack(DIR);
    const pack = await readPackFile(bytes(signed));
    expect(pack.slug).toBe('musk-riyadh-2025');
    expect(pack.detection).toEqual(built.detection);
    // The notes as the matcher reads them included, for the background's anchoring.
    expect(pack.data).toEqual({ ...built.data, notesData: packNotesData(built.data.notes) });
    expect(pack.signer).toEqual({ key: key.fingerprint, holds: true });
    expect(key.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });

  it('computes the same fingerprint from the article’s words as from its text', () => {
    expect(sampledFingerprintOfWords(wordHashes(ARTICLE_TEXT))).toEqual(sampledFingerprint(ARTICLE_TEXT));
  });

  it('reads an unsigned pack as unsigned', async () => {
    expect((await readPackFile(bytes(unsigned))).signer).toBeUndefined();
  });

  it('fails its signature when any byte of the payload changes, and names the key', async () => {
    const file = JSON.parse(signed) as PackFileJson;
    for (const at of [10, Math.floor(file.payload.length / 2), file.payload.length - 2]) {
      const changed = file.payload.slice(0, at) + (file.payload[at] === '1' ? '2' : '1') + file.payload.slice(at + 1);
      const problems = await problemsOfFile(JSON.stringify({ ...file, payload: changed }));
      expect(problems).toEqual([`signature: does not hold: the file was changed after key ${key.fingerprint} signed it`]);
    }
  });

  it('fails its signature under another key', async () => {
    const file = JSON.parse(signed) as PackFileJson;
    const other = JSON.parse(bundlePack(DIR, { now: new Date('2026-12-07T00:00:00Z'), privateKeyPem: generateSigningKey().pem })) as PackFileJson;
    const problems = await problemsOfFile(JSON.stringify({ ...file, signature: { ...file.signature, publicKey: other.signature?.publicKey } }));
    expect(problems[0]).toMatch(/^signature: does not hold/);
  });
});

describe('a malformed or hostile pack file is refused with a clear message', () => {
  it('too large: refused before it is decoded', async () => {
    const huge = new Uint8Array(MAX_PACK_FILE_BYTES + 1).fill(0xff);
    expect(await problemsOfFile(huge)).toEqual(['the file is 5.0 MB; a pack file is at most 5 MB']);
  });

  it('not UTF-8', async () => {
    const text = bytes(unsigned);
    const broken = new Uint8Array([...text.slice(0, 100), 0xc3, 0x28, ...text.slice(100)]);
    expect(await problemsOfFile(broken)).toEqual(['the file is not UTF-8 text']);
  });

  it('nested deeper than a pack ever is, in the file or in its payload, without overflowing the parser', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(await problemsOfFile(`{"format":"backstory-pack","version":1,"payload":"{}","x":${deep}}`)).toEqual([`the file nests lists and objects 100001 deep; a pack file nests at most ${MAX_JSON_DEPTH}`]);
    expect(await problemsOfFile(JSON.stringify({ format: 'backstory-pack', version: 1, payload: `{"slug":${deep}}` }))).toEqual([`the payload nests lists and objects 100001 deep; a pack file nests at most ${MAX_JSON_DEPTH}`]);
  });

  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":"[[[[{{{\\"[[["}')).toBe(1);
    expect(jsonDepth('[[{"a":[1]}]]')).toBe(4);
  });

  it('not JSON, or not a pack file', async () => {
    expect((await problemsOfFile('{"format": "backstory-pack",'))[0]).toMatch(/^the file is not valid JSON: /);
    expect(await problemsOfFile('{"type":"AnnotationCollection"}')).toEqual(['the file is not a Backstory pack file (no "format": "backstory-pack"); make one with npm run pack -- bundle <slug>']);
    expect(await problemsOfFile(JSON.stringify({ format: 'backstory-pack', version: 2, payload: '{}', script: 'alert(1)' }))).toEqual([
      'the file: field "script" is not part of this format',
      'version: 2 is not a pack file version this Backstory reads (it reads version 1)',
    ]);
  });

  it('markup in a note: the build’s message, naming the note and the field', async () => {
    const markup = (note: Note) => void (note.summary = 'Musk <img src=x onerror="alert(1)"> praised the talks.');
    const problems = await problemsOfFile(editNote('person/elon-musk', markup));
    const build = problemsOf((copy) => markup(copy.notes.find((note) => note.id === 'person/elon-musk') as Note));
    expect(build).toContain('note "person/elon-musk": summary contains markup ("<img src=x onerror=\\"alert(1)\\">"); notes are plain text');
    expect(problems).toEqual(build.map((problem) => `pack "musk-riyadh-2025": ${problem}`));
  });

  it('an http link: the build’s message, naming the note and the source', async () => {
    const http = (note: Note) => void (note.sources[0].url = 'http://example.com/story');
    const problems = await problemsOfFile(editNote('person/elon-musk', http));
    expect(problems).toContain('pack "musk-riyadh-2025": note "person/elon-musk": source 1: url "http://example.com/story" is not https');
    expect(problems).toEqual(problemsOf((copy) => http(copy.notes.find((note) => note.id === 'person/elon-musk') as Note)).map((problem) => `pack "musk-riyadh-2025": ${problem}`));
  });

  it('a javascript: link', async () => {
    const problems = await problemsOfFile(editNote('person/elon-musk', (note) => void (note.sources[0].url = 'javascript:alert(1)')));
    expect(problems).toContain('pack "musk-riyadh-2025": note "person/elon-musk": source 1: url "javascript:alert(1)" is not https');
  });

  it('a quote the article does not have', async () => {
    const problems = await problemsOfFile(editNote('person/elon-musk', (note) => void note.aliases?.push('Somebody Else')));
    expect(problems).toContain('pack "musk-riyadh-2025": note "person/elon-musk": alias "Somebody Else" does not occur in the article (other spellings go in variants)');
  });

  it('fields that are not part of the format, anywhere', async () => {
    expect(await problemsOfFile(withPayload((payload) => void (payload.onload = 'x')))).toEqual(['payload: field "onload" is not part of this format']);
    const problems = await problemsOfFile(editNote('person/elon-musk', (note) => Object.assign(note, { html: '<b>x</b>' })));
    expect(problems).toEqual(['pack "musk-riyadh-2025": note "person/elon-musk": field "html" is not part of this format']);
  });

  it('a fingerprint or markers that are not the article’s', async () => {
    expect(await problemsOfFile(withPayload((payload) => void (payload.fingerprint = encodeHashes(Uint32Array.of(1, 2, 3)))))).toEqual(['fingerprint: does not match the article\'s words']);
    expect(await problemsOfFile(withPayload((payload) => void (payload.markers = [...payload.markers, 'Zanzibarian'])))).toEqual(['marker "Zanzibarian": is not a word of the article']);
    expect(await problemsOfFile(withPayload((payload) => void (payload.markers = [...payload.markers.slice(0, 3), 'a b|c'])))).toEqual(['marker 4: must be one word without spaces or "|"']);
    expect(await problemsOfFile(withPayload((payload) => void (payload.minHits = 99)))).toEqual([`minHits: must be a whole number from 1 to the number of markers (${JSON.parse(JSON.parse(unsigned).payload).markers.length})`]);
  });

  it('a slug that is not a pack name', async () => {
    expect(await problemsOfFile(withPayload((payload) => void (payload.slug = '../etc')))).toContain('slug: must be the pack\'s name, lower-case words joined by hyphens');
  });
});
