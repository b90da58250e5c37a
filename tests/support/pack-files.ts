// Pack files for tests: a real news article from the corpus made into a pack (not one Backstory
// carries), bundled by the CLI's own code, signed or not, and the page that carries its article.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePack, generateSigningKey } from '../../scripts/pack/bundle.ts';
import { writeNewsPacks, type NewsPack } from './news-packs.ts';

export interface TestPackFiles {
  pack: NewsPack;
  slug: string;
  title: string;
  /** A name the pack's first note highlights. */
  name: string;
  signed: string;
  unsigned: string;
  /** The signed file, bundled a day later: an update. */
  newer: string;
  /** Bundled two days later, signed by another key. */
  otherKey: string;
  keyFingerprint: string;
  /** A page carrying the article, paragraph by paragraph. */
  html: string;
}

export function testPackFiles(): TestPackFiles {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-pack-file-'));
  try {
    const [pack] = writeNewsPacks(dir, 1, { withRealPack: false });
    const packDir = join(dir, pack.built.slug);
    const key = generateSigningKey();
    const now = new Date('2026-12-01T10:00:00Z');
    const paragraphs = pack.article.articleBody
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n');
    return {
      pack,
      slug: pack.built.slug,
      title: pack.built.file.article.title,
      name: pack.built.file.notes[0].aliases?.[0] ?? '',
      signed: bundlePack(packDir, { now, privateKeyPem: key.pem }),
      unsigned: bundlePack(packDir, { now }),
      newer: bundlePack(packDir, { now: new Date('2026-12-02T10:00:00Z'), privateKeyPem: key.pem }),
      otherKey: bundlePack(packDir, { now: new Date('2026-12-03T10:00:00Z'), privateKeyPem: generateSigningKey().pem }),
      keyFingerprint: key.fingerprint,
      html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Imported pack article</title></head><body><article>${paragraphs}</article></body></html>`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
