// Imported packs in storage (shared/imported-packs.ts): a later bundle replaces an earlier one, the
// same or an older one and a bundled pack's name change nothing, and the second gate's rows find
// exactly the imported packs' articles.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundlePack } from '../../../scripts/pack/bundle.ts';
import { decodeHashes } from '../../../src/core/base64.ts';
import type { ArticleSearch } from '../../../src/core/detect.ts';
import { look } from '../../../src/core/judge.ts';
import { fewPacksSearch } from '../../../src/core/gate-search.ts';
import { readPackFile, type ReadPack } from '../../../src/core/pack-file.ts';
import { changesSigner, importedGateData, parseImportedPacks, planInstall, storedImports, withoutPack, type ImportedPack } from '../../../src/shared/imported-packs.ts';
import { IMPORTED_GATE_KEY } from '../../../src/shared/injected-files.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

const DIR = join('packs', 'musk-riyadh-2025');
const NOW = new Date('2026-12-07T12:00:00Z');
let first: ReadPack;
let later: ReadPack;
const renamed = (pack: ReadPack, slug: string): ReadPack => ({ ...pack, slug, detection: { ...pack.detection, slug }, data: { ...pack.data, slug } });

beforeAll(async () => {
  // The real pack under another name: a pack Backstory does not carry.
  first = renamed(await readPackFile(new TextEncoder().encode(bundlePack(DIR, { now: new Date('2026-12-01T00:00:00Z') }))), 'riyadh-copy');
  later = { ...first, bundled: '2026-12-02T00:00:00.000Z' };
});

describe('installing an imported pack', () => {
  it('adds a new pack', () => {
    const { outcome, packs } = planInstall({}, first, new Set(['musk-riyadh-2025']), NOW);
    expect(outcome).toBe('installed');
    expect(Object.keys(packs)).toEqual(['riyadh-copy']);
    expect(packs['riyadh-copy'].installed).toBe(NOW.toISOString());
  });

  it('replaces an installed pack with a later bundle of it, and keeps it against the same or an earlier one', () => {
    const installed = planInstall({}, first, new Set()).packs;
    const updated = planInstall(installed, later, new Set());
    expect(updated.outcome).toBe('updated');
    expect(updated.packs['riyadh-copy'].bundled).toBe(later.bundled);
    expect(planInstall(updated.packs, later, new Set())).toEqual({ outcome: 'same', packs: updated.packs });
    expect(planInstall(updated.packs, first, new Set())).toEqual({ outcome: 'older', packs: updated.packs });
  });

  it('refuses a pack named like one Backstory carries', () => {
    expect(planInstall({}, renamed(first, 'musk-riyadh-2025'), new Set(['musk-riyadh-2025']))).toEqual({ outcome: 'bundled', packs: {} });
  });

  it('removes one pack and leaves the others', () => {
    const two = { ...planInstall({}, first, new Set()).packs, ...planInstall({}, renamed(first, 'another'), new Set()).packs };
    expect(Object.keys(withoutPack(two, 'riyadh-copy'))).toEqual(['another']);
  });

  it('stores the packs and their gate rows in one write', () => {
    const packs = planInstall({}, first, new Set()).packs;
    const stored = storedImports(packs);
    expect(parseImportedPacks(stored.importedPacks)).toEqual(packs);
    expect(stored[IMPORTED_GATE_KEY]).toEqual(importedGateData(packs));
    expect(importedGateData({})).toEqual({ rows: '', markers: '', onePass: false });
  });

  it('leaves out of the stored packs anything that is not one', () => {
    expect(parseImportedPacks({ a: 1, b: { slug: 'c' }, 'riyadh-copy': null })).toEqual({});
    expect(parseImportedPacks('junk')).toEqual({});
  });
});

/** The search content/imported-search.ts makes from the stored rows, with the fingerprint the background would inject. */
function importedSearch(packs: Record<string, ImportedPack>): ArticleSearch {
  const { rows, markers } = importedGateData(packs);
  const search = fewPacksSearch(rows, markers);
  const candidates = search.candidates.bind(search);
  search.candidates = (text) =>
    candidates(text).map((candidate) => {
      for (const pack of candidate.packs) pack.fingerprint ??= decodeHashes(packs[pack.slug].detection.fingerprint);
      return candidate;
    });
  return search;
}

describe('the imported packs’ gate rows', () => {
  it('find the imported article, and nothing on a page without it', () => {
    const packs: Record<string, ImportedPack> = planInstall({}, first, new Set()).packs;
    expect(look(importedSearch(packs), ARTICLE_TEXT)?.slug).toBe('riyadh-copy');
    expect(look(importedSearch(packs), ARTICLE_TEXT.split('\n').slice(0, 1).join(' ').replace(/[A-Z]\w+/g, 'word'))).toBeUndefined();
  });
});

describe('a change of signer', () => {
  const signedBy = (pack: ReadPack, key: string | undefined): ReadPack => ({ ...pack, signer: key === undefined ? undefined : { key, holds: true } });

  it('is asked about when the installed version was signed and the new one is signed by another key or not at all', () => {
    const installed = planInstall({}, signedBy(first, 'aaaa'), new Set()).packs;
    expect(changesSigner(installed, signedBy(later, 'aaaa'))).toBe(false);
    expect(changesSigner(installed, signedBy(later, 'bbbb'))).toBe(true);
    expect(changesSigner(installed, signedBy(later, undefined))).toBe(true);
  });

  it('is not one for a new pack, or over an unsigned one', () => {
    expect(changesSigner({}, signedBy(first, 'aaaa'))).toBe(false);
    expect(changesSigner(planInstall({}, signedBy(first, undefined), new Set()).packs, signedBy(later, 'aaaa'))).toBe(false);
  });
});
