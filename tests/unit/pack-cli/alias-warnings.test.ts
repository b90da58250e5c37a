// `pack check` warns about names that will paint more than the article's own uses of them.
import { describe, expect, it } from 'vitest';
import { editPack, noteOf, REAL_PACK, run, tempRoot } from './support.ts';

describe('pack check: names that match too much', () => {
  it('warns about a variant matched far more often than it is written, and a name inside another note’s name', () => {
    const root = tempRoot();
    editPack(root, (file) => {
      noteOf(file, 'person/joe-biden').variants?.push('May');
      noteOf(file, 'event/kremlin').aliases?.push('Russia');
    });
    const { status, out } = run('check', REAL_PACK, '--root', root);
    expect(status).toBe(0);
    expect(out).toMatch(new RegExp(`✓ ${REAL_PACK}: \\d+ notes`));
    expect(out).toContain('  ⚠ note "person/joe-biden": name "May" matches 4 times in the article but is written so 0 times, e.g. "may"; every such match will be highlighted');
    expect(out).toContain('  ⚠ note "event/kremlin": name "Russia" falls inside note "event/riyadh-talks"\'s name "US-Russia talks" (line 1)');
  });

  it('says nothing about the real pack', () => {
    expect(run('check', REAL_PACK).out).not.toContain('⚠');
  });
});
