// `pack check <slug> --against FILE`: how the pack anchors on a republished copy, note by note.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, PARAGRAPHS } from '../../support/article.ts';
import { REAL_PACK, run } from './support.ts';

/** A republished copy: a name respelt, a quote respelt, a year changed, "upcoming" corrected, the Popov paragraph dropped. */
const EDITED = PARAGRAPHS.filter((paragraph) => !paragraph.includes('Yevgeny Popov'))
  .filter((paragraph) => paragraph !== 'Leave a Reply')
  .map((paragraph) =>
    paragraph
      .replace('Sergey Lavrov', 'Sergei Lavrov')
      .replace('Kyiv will not recognize', 'Kyiv will not recognise')
      .replace('returns to office in 2025', 'returns to office in 2024')
      .replace('the upcoming US-Russia talks set to take place', 'the US-Russia talks held on Tuesday'),
  );

function copyFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'backstory-against-')), name);
  writeFileSync(file, content);
  return file;
}

describe('pack check --against', () => {
  it('says, note by note, how the pack anchors on a plain-text copy, and why a note is orphaned', () => {
    const { status, out } = run('check', REAL_PACK, '--against', copyFile('copy.txt', EDITED.join('\n')));
    expect(status).toBe(0);
    expect(out).toMatch(/^musk-riyadh-2025 against copy\.txt: \d+ words read; the article is detected/);
    expect(out).toContain('Note "person/sergey-lavrov" (Sergey Lavrov):\n  ✓ name ×2: "Sergei Lavrov", "Lavrov"');
    expect(out).toContain('  ✓ selector 1 "Kyiv will not recognize any talks conducted without its direct involvement": edited, on "Kyiv will not recognise any talks conducted without its direct involvement" (line 10)');
    expect(out).toContain('  ✗ selector 1 "if he returns to office in 2025": orphaned, changed number\n    Nearest text on the page: "a diplomatic resolution if he returns to office in 2024. The upcoming" (line 3)');
    expect(out).toContain('  ✗ selector 1 "upcoming": orphaned, the words around it changed, and it is too short to place without them');
    expect(out).toContain('Note "person/yevgeny-popov" (Yevgeny Popov):\n  ✗ name: orphaned, removed: none of its names is on the page');
    expect(out).toContain('  ✗ selector 1 "Russian journalist": orphaned, reworded beyond recognition');
    expect(out).toContain('  ✓ selector 1 "spoke directly": word for word, on "spoke directly" (line 6)');
  });

  it('reads an HTML page as the extension does: navigation and sidebars are not the article', () => {
    const html = `<!doctype html><html><body><nav><a href="/">Home</a> <a href="/t">Trump</a></nav><main>${EDITED.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</main>
      <aside><p>Most read: Zelenskyy and Rubio on Lavrov</p></aside></body></html>`;
    const { out } = run('check', REAL_PACK, '--against', copyFile('copy.html', html));
    expect(out).toContain('the article is detected');
    expect(out).toContain('Note "person/volodymyr-zelensky" (Volodymyr Zelensky):\n  ✓ name ×3: "President Volodymyr Zelensky", "Ukrainian President Zelensky", "Zelensky"\n');
    expect(out).toMatch(/Anchored \d+: \d+ quotes word for word, 1 edited quotes, \d+ names\. Orphaned: 5\./);
  });

  it('says when the copy is not the article at all', () => {
    const { out } = run('check', REAL_PACK, '--against', copyFile('other.txt', 'A page about gardening. Tomatoes like sun.'));
    expect(out).toContain('the article is NOT detected');
    expect(out).toContain('No word of it is on the page.');
  });
});
