// A hundred packs made from real news articles (issue 13): each is found where it is published and
// nowhere else, the real article still is, and the gate's search does not multiply with the packs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentScripts } from '../../../build/content-scripts.ts';
import { MAX_SEARCHED_MARKERS } from '../../../src/core/detect.ts';
import { judge } from '../../../src/core/judge.ts';
import { buildPacks } from '../../../build/annotation-plugin.ts';
import { escapeHtml, paragraphsHtml } from '../../support/article.ts';
import { corpusPages, placeInto, roughTextContent } from '../../support/corpus.ts';
import { searchFor } from '../../support/detect.ts';
import { writeNewsPacks } from '../../support/news-packs.ts';

const dir = mkdtempSync(join(tmpdir(), 'backstory-packs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const newsPacks = writeNewsPacks(dir, 100);
const gatePacks = buildPacks(dir).map((pack) => pack.detection);
const templates = corpusPages().filter((page) => page.name.startsWith('news/'));

/** Every pack whose article the text carries (a fresh search each time). */
function detected(text: string): string[] {
  const search = searchFor(gatePacks);
  const found = new Set<string>();
  for (const candidate of search.candidates(text)) {
    for (const pack of judge(search, candidate)) found.add(pack.slug);
  }
  return [...found].sort();
}

/** The pack made from a template page's own article, if any: it is rightly detected there too. */
const ownPack = (pageName: string) => newsPacks.find((pack) => pack.article.name === pageName)?.built.slug;

const asHtml = (text: string) => text.split(/\n+/).filter(Boolean).map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');

describe('a hundred packs from real news articles', () => {
  it('are built, validated and given markers by the real build', () => {
    expect(newsPacks).toHaveLength(100);
    expect(gatePacks).toHaveLength(101);
    expect(gatePacks.reduce((sum, pack) => sum + pack.markers.length, 0)).toBeGreaterThan(MAX_SEARCHED_MARKERS);
  });

  it('each detected when placed into another page’s template, and only itself', () => {
    const wrong: string[] = [];
    newsPacks.forEach(({ built, article }, i) => {
      const others = templates.filter((page) => page.name !== article.name);
      const template = others[i % others.length];
      const found = detected(roughTextContent(placeInto(template.html, asHtml(article.articleBody))));
      const expected = [built.slug, ownPack(template.name)].filter((slug) => slug !== undefined).sort();
      if (found.join() !== expected.join()) wrong.push(`${built.slug} in ${template.name}: ${found.join() || 'nothing'}`);
    });
    expect(wrong).toEqual([]);
  });

  it('make a content script under 10 KB + 1 KB per 10 packs, without any fingerprint in it', async () => {
    const out = join(dir, '..', `${dir.split('/').at(-1)}-dist`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), '{}');
    await buildContentScripts(out, 'chrome', dir);
    const gate = readFileSync(join(out, 'content/gate.js'), 'utf8');
    rmSync(out, { recursive: true, force: true });
    expect(Buffer.byteLength(gate)).toBeLessThan(10 * 1024 + (gatePacks.length * 1024) / 10);
    for (const pack of gatePacks.slice(0, 5)) expect(gate).not.toContain(pack.fingerprint.slice(0, 40));
    expect(gate).toContain(gatePacks[1].markers.join(' '));
  });

  it('none detected on the other articles’ own pages', () => {
    const wrong: string[] = [];
    for (const page of templates) {
      const others = detected(roughTextContent(page.html)).filter((slug) => slug !== ownPack(page.name));
      if (others.length > 0) wrong.push(`${page.name}: ${others.join()}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still detect the real article, alone, even with invisible characters inside its words', () => {
    const plain = templates.find((page) => ownPack(page.name) === undefined) ?? templates[0];
    expect(detected(roughTextContent(placeInto(plain.html, paragraphsHtml())))).toEqual(['musk-riyadh-2025', ownPack(plain.name)].filter(Boolean));
    const hidden = paragraphsHtml().replace(/>([^<]+)</g, (_all, text: string) => `>${text.replace(/\b([A-Za-z])([a-z]{2,})/g, '$1\u2063$2')}<`);
    expect(detected(roughTextContent(hidden))).toEqual(['musk-riyadh-2025']);
  });
});
