// Two packs of the same article fail the build and `pack check`; an overlap the gate would find is a warning.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { articleOverlaps, readArticles } from '../../../build/duplicate-articles.ts';
import { packDirs } from '../../../build/packs.ts';
import { main } from '../../../scripts/pack/cli.ts';

const REAL = 'musk-riyadh-2025';
const article = readFileSync(join('packs', REAL, 'article.txt'), 'utf8');
const paragraphs = article.split('\n').filter(Boolean);
/** Text that shares no run of five words with the article. */
const otherText = (words: number) => Array.from({ length: words }, (_, i) => `filler${i}`).join(' ');

function rootWith(packs: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'backstory-dupes-'));
  for (const [slug, text] of Object.entries(packs)) {
    if (text === REAL) cpSync(join('packs', REAL), join(root, slug), { recursive: true });
    else {
      mkdirSync(join(root, slug));
      writeFileSync(join(root, slug, 'article.txt'), text);
    }
  }
  return root;
}

function check(root: string) {
  let out = '';
  const status = main(['check', '--root', root], { out: (text) => void (out += text), err: (text) => void (out += text) });
  return { status, out };
}

describe('articles shared by two packs', () => {
  it('the bundled packs share none', () => {
    expect(articleOverlaps(readArticles(packDirs('packs')))).toEqual([]);
  });

  it('a copy of an article (a paragraph less) is the same article: pack check fails, naming both packs', () => {
    const root = rootWith({ original: REAL, copy: REAL });
    writeFileSync(join(root, 'copy', 'article.txt'), `${paragraphs.slice(1).join('\n')}\n`);
    const [overlap] = articleOverlaps(readArticles(packDirs(root)));
    expect(overlap).toMatchObject({ contained: 'copy', within: 'original', same: true });
    const { status, out } = check(root);
    expect(status).toBe(1);
    expect(out).toContain('✗ packs "copy" and "original" carry the same article (100 % of the article of pack "copy" is in the article of pack "original")');
  });

  it('an article that quotes a quarter of another is an overlap: a warning, not a failure', () => {
    const quarter = paragraphs.slice(0, Math.ceil(paragraphs.length / 4)).join(' ');
    const overlaps = articleOverlaps([
      { slug: 'original', articleText: article },
      { slug: 'follow-up', articleText: `${quarter}\n${otherText(quarter.split(' ').length * 3)}\n` },
    ]);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].same).toBe(false);
    expect(overlaps[0].share).toBeGreaterThan(0.15);
  });

  it('fails the build: the annotation plugin stops on two packs of the same article', async () => {
    const root = rootWith({ original: REAL, copy: REAL });
    vi.resetModules();
    vi.stubEnv('BACKSTORY_PACKS', root);
    try {
      const { annotationData } = await import('../../../build/annotation-plugin.ts');
      const plugin = annotationData();
      const context = { error: (message: string) => { throw new Error(message); }, warn: vi.fn() };
      const buildStart = plugin.buildStart as unknown as (this: typeof context) => void;
      expect(() => buildStart.call(context)).toThrow('packs "copy" and "original" carry the same article');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
